package com.shopfleet.shop.order.order;

/** The money side of an order. */
public enum PaymentStatus {
    /** Nothing asked yet: the stock is not reserved. */
    UNPAID,
    /** Confirmed: the provider is to be charged, or the bank transfer awaited. */
    AWAITING,
    /** The money arrived (or nothing was left to pay after points). */
    PAID,
    /** Cancelled before any money was taken. */
    VOID,
    /** Money was taken for an order that is cancelled: it goes back through the provider. */
    REFUND_PENDING,
    /** The money went back. */
    REFUNDED
}
