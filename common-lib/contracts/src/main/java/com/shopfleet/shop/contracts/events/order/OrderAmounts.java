package com.shopfleet.shop.contracts.events.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The money of an order in won: {@code paymentAmount = goodsTotal + shippingFee - pointsUsed}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderAmounts(long goodsTotal, long shippingFee, long pointsUsed, long paymentAmount) {
}
