package com.shopfleet.shop.catalog.stock;

import java.time.Instant;

/** One audited adjustment as staff see it. */
public record StockAdjustmentView(long id, long productId, AdjustmentKind kind, int delta, int availableBefore,
        int availableAfter, String reason, long actorId, Instant createdAt) {
}
