package com.shopfleet.shop.support.messaging.deadletter;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.dead-letters.*}: the staff API over a service's dead-letter topics and their metric.
 *
 * @param enabled               off switches the API and the metric off
 * @param path                  where staff reach them; defaults to {@code /api/admin/<service>/dead-letters}
 *                              ({@code <service>} = {@code spring.application.name} without
 *                              {@code -service}/{@code -worker})
 * @param maxListedPerPartition the newest records read per dead-letter partition when listing
 * @param readTimeout           how long a listing or replay may wait for Kafka before answering 503
 * @param replayAllLimit        the most dead letters one "replay all" request republishes
 * @param metricsInterval       how often the {@code shop.dead.letters} gauges are refreshed from Kafka
 */
@ConfigurationProperties("shop.dead-letters")
@Validated
public record DeadLetterProperties(@DefaultValue("true") boolean enabled, String path,
        @DefaultValue("1000") @Positive int maxListedPerPartition, @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("500") @Positive int replayAllLimit, @DefaultValue("30s") Duration metricsInterval) {
}
