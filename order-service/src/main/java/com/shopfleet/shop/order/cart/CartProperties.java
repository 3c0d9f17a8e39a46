package com.shopfleet.shop.order.cart;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.cart.*}.
 *
 * @param ttl how long a cart lives after its last change (every write starts it again)
 * @param maxLines how many different products a cart holds
 * @param maxQuantity the most of one product a line holds
 */
@ConfigurationProperties("shop.order.cart")
@Validated
public record CartProperties(@DefaultValue("30d") @NotNull Duration ttl, @DefaultValue("50") @Min(1) @Max(200) int maxLines,
        @DefaultValue("99") @Min(1) @Max(999) int maxQuantity) {
}
