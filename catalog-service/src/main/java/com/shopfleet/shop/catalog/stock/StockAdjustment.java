package com.shopfleet.shop.catalog.stock;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of one stock adjustment: who, why, and the available stock before and after. */
@Entity
@Table(name = "stock_adjustment")
class StockAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long productId;

    @Enumerated(EnumType.STRING)
    private AdjustmentKind kind;

    private int delta;

    private int availableBefore;

    private int availableAfter;

    private String reason;

    private long actorId;

    private Instant createdAt;

    protected StockAdjustment() {
    }

    StockAdjustment(long productId, AdjustmentKind kind, int availableBefore, int availableAfter, String reason,
            long actorId, Instant createdAt) {
        this.productId = productId;
        this.kind = kind;
        this.delta = availableAfter - availableBefore;
        this.availableBefore = availableBefore;
        this.availableAfter = availableAfter;
        this.reason = reason;
        this.actorId = actorId;
        this.createdAt = createdAt;
    }

    StockAdjustmentView view() {
        return new StockAdjustmentView(id, productId, kind, delta, availableBefore, availableAfter, reason, actorId,
                createdAt);
    }
}
