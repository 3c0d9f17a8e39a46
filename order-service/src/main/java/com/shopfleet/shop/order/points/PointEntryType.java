package com.shopfleet.shop.order.points;

/**
 * Why the points of a user changed. {@code amount} of a ledger entry is the change of the spendable
 * balance, {@code heldChange} the change of the points held for orders in progress.
 */
public enum PointEntryType {

    /** The configured bonus at signup: +amount. */
    SIGNUP_BONUS,
    /** A prize of a first-come-first-served event: +amount. */
    PRIZE,
    /** Set aside for a placed order: −amount, +held. */
    ORDER_HOLD,
    /** An order that did not go through gives them back: +amount, −held. */
    ORDER_RELEASE,
    /** A paid order spends what it held: −held. */
    ORDER_CAPTURE,
    /** A paid order was cancelled: +amount. */
    ORDER_REFUND
}
