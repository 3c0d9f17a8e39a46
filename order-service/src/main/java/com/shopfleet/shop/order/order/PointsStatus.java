package com.shopfleet.shop.order.order;

/** What the order did with the points it uses. */
public enum PointsStatus {
    /** The order uses no points. */
    NONE,
    /** Set aside at checkout. */
    HELD,
    /** Spent: the order was paid. */
    CAPTURED,
    /** Given back before they were spent. */
    RELEASED,
    /** Given back after they were spent (a paid order was cancelled). */
    REFUNDED
}
