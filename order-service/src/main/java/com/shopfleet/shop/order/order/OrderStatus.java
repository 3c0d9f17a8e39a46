package com.shopfleet.shop.order.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is. PENDING → CONFIRMED (stock reserved) → PAID → SHIPPED → DELIVERED; PENDING →
 * REJECTED (no stock, or no answer in time); PENDING, CONFIRMED or PAID → CANCELLED.
 */
public enum OrderStatus {

    PENDING, CONFIRMED, PAID, SHIPPED, DELIVERED, CANCELLED, REJECTED;

    private static final Set<OrderStatus> CLOSED = EnumSet.of(DELIVERED, CANCELLED, REJECTED);

    /** Nothing will happen to the order any more (its shipping data may be anonymized). */
    public boolean closed() {
        return CLOSED.contains(this);
    }
}
