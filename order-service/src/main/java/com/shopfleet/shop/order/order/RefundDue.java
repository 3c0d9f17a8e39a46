package com.shopfleet.shop.order.order;

/** In-process, after commit: money taken for a cancelled order goes back. */
public record RefundDue(long orderId) {
}
