package com.shopfleet.shop.order.checkout;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.checkout.*}.
 *
 * @param shippingFee what shipping costs, in won
 * @param freeShippingFrom goods totals from this amount ship free
 * @param idempotencyTtl how long an {@code Idempotency-Key} is remembered (CONTRACTS §5: 24 h)
 * @param idempotencyLease how long a key stays IN_PROGRESS before a retry may take over the request
 *        of a process that died (its order was never committed, or the key would say DONE)
 */
@ConfigurationProperties("shop.order.checkout")
@Validated
public record CheckoutProperties(@DefaultValue("3000") @PositiveOrZero long shippingFee,
        @DefaultValue("50000") @PositiveOrZero long freeShippingFrom, @DefaultValue("24h") @NotNull Duration idempotencyTtl,
        @DefaultValue("30s") @NotNull Duration idempotencyLease) {
}
