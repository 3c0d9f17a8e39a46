package com.shopfleet.shop.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.inbox.*}.
 *
 * @param retention how long handled event ids are remembered; longer than any redelivery or replay
 *        of a dead letter can come late
 */
@ConfigurationProperties("shop.inbox")
public record InboxProperties(@DefaultValue("30d") Duration retention) {
}
