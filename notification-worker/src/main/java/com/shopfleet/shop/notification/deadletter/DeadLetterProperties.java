package com.shopfleet.shop.notification.deadletter;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.notification.dead-letters.*}: the staff API over the dead-letter topics.
 *
 * @param maxListedPerPartition the newest records read per dead-letter partition when listing
 * @param readTimeout           how long a listing or replay may wait for Kafka before answering 503
 * @param codeReplayWindow      a dead {@code PasswordResetRequested} older than this is not replayed
 *                              (its code has expired; the user asks for a new one)
 */
@ConfigurationProperties("shop.notification.dead-letters")
@Validated
public record DeadLetterProperties(@DefaultValue("1000") @Positive int maxListedPerPartition,
        @DefaultValue("3s") Duration readTimeout, @DefaultValue("30m") Duration codeReplayWindow) {
}
