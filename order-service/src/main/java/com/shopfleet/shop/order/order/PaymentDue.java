package com.shopfleet.shop.order.order;

/** In-process, after commit: a confirmed card or phone order is to be charged. */
public record PaymentDue(long orderId) {
}
