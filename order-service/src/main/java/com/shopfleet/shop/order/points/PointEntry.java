package com.shopfleet.shop.order.points;

import java.time.Instant;

/** One line of a user's points history. */
public record PointEntry(long id, PointEntryType type, long amount, long heldChange, long balanceAfter, Long orderId,
        String description, Instant createdAt) {
}
