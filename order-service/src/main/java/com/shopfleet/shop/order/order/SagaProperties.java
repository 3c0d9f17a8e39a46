package com.shopfleet.shop.order.order;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.saga.*}: the checkout saga's patience.
 *
 * @param pendingTimeout how long a PENDING order waits for the catalog's answer before it is asked again
 * @param maxStockRequests how many times the catalog is asked in all; after the last wait the order is REJECTED
 * @param sweepInterval how often PENDING orders are checked
 */
@ConfigurationProperties("shop.order.saga")
@Validated
public record SagaProperties(@DefaultValue("30s") @NotNull Duration pendingTimeout,
        @DefaultValue("3") @Min(1) int maxStockRequests, @DefaultValue("5s") @NotNull Duration sweepInterval) {
}
