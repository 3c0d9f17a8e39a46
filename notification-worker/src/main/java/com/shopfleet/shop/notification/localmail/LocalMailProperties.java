package com.shopfleet.shop.notification.localmail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.notification.local-mail.*} (profile {@code local} only): the in-process SMTP server
 * the worker sends to and {@code GET /local/mail} reads.
 *
 * @param smtpPort    its port ({@code spring.mail.port} points at it)
 * @param bindAddress where it listens; loopback only by default
 */
@ConfigurationProperties("shop.notification.local-mail")
public record LocalMailProperties(@DefaultValue("3025") int smtpPort, @DefaultValue("127.0.0.1") String bindAddress) {
}
