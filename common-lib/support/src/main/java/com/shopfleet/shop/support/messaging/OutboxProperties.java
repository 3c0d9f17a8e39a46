package com.shopfleet.shop.support.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.outbox.*}: how unpublished events are retried while the service runs and how long
 * completed publications are kept.
 *
 * @param retryInterval how often the relay looks for publications that did not reach Kafka
 * @param firstRetryAfter how old a failed publication must be before its first retry
 * @param maxBackoff the longest wait between retries of one publication (the wait doubles per attempt)
 * @param keepCompleted how long completed publications stay in the registry (for inspection)
 * @param cleanupInterval how often completed publications older than that are deleted
 */
@ConfigurationProperties("shop.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration retryInterval, @DefaultValue("5s") Duration firstRetryAfter,
        @DefaultValue("5m") Duration maxBackoff, @DefaultValue("1h") Duration keepCompleted,
        @DefaultValue("10m") Duration cleanupInterval) {
}
