package com.shopfleet.shop.order.points;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.points.*}.
 *
 * @param signupBonus points credited once to every new user ({@code UserRegistered}); 0 switches it off
 */
@ConfigurationProperties("shop.order.points")
@Validated
public record PointsProperties(@DefaultValue("0") @PositiveOrZero long signupBonus) {
}
