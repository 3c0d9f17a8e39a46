package com.shopfleet.shop.auth.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.session.*}.
 *
 * @param timeout a session's {@code maxInactiveInterval}; the gateway slides it on every request
 */
@ConfigurationProperties("shop.auth.session")
public record SessionProperties(@DefaultValue("30m") Duration timeout) {
}
