package com.shopfleet.shop.order.order.messaging;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.kafka.*}: the order topic this service owns ({@code shop.order.order}).
 *
 * @param orderPartitions its partitions: how many consumer threads or instances of each group (the
 *        catalog's reservations, notifications) can share its events; keyed by order id, so one
 *        order's events stay in order whatever the count
 * @param replicas its replication factor (1 on a single broker)
 */
@ConfigurationProperties("shop.order.kafka")
@Validated
public record OrderTopicProperties(@DefaultValue("3") @Min(1) int orderPartitions, @DefaultValue("1") @Min(1) int replicas) {
}
