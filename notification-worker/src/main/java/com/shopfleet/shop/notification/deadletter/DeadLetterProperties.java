package com.shopfleet.shop.notification.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.notification.dead-letters.*}: what the worker adds to support's dead-letter API
 * ({@code shop.dead-letters.*}).
 *
 * @param codeReplayWindow a dead {@code PasswordResetRequested} older than this is not replayed
 *                         (its code has expired; the user asks for a new one)
 */
@ConfigurationProperties("shop.notification.dead-letters")
public record DeadLetterProperties(@DefaultValue("30m") Duration codeReplayWindow) {
}
