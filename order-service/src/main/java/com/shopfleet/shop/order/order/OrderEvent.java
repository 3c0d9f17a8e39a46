package com.shopfleet.shop.order.order;

import java.util.List;

import com.shopfleet.shop.contracts.events.catalog.StockRejected;

/**
 * What happened to an order, registered by the aggregate and turned by {@code OrderEventRecorder}
 * into integration events (outbox), points movements and in-process follow-ups. {@code revision}
 * is the order's revision after the change: the events' {@code aggregateVersion}.
 */
sealed interface OrderEvent {

    int revision();

    /** Placed, or asked of the catalog again because it did not answer in time ({@code again}). */
    record Placed(int revision, boolean again) implements OrderEvent {
    }

    record Confirmed(int revision) implements OrderEvent {
    }

    record Rejected(int revision, String reason, List<StockRejected.ShortLine> shortLines) implements OrderEvent {
    }

    record Paid(int revision) implements OrderEvent {
    }

    /**
     * Cancelled; {@code stockReserved}: the catalog must release stock; {@code points}: what to do with
     * the points; {@code refundPayment}: money was taken and goes back.
     */
    record Cancelled(int revision, String reason, boolean stockReserved, PointsStatus points, boolean refundPayment)
            implements OrderEvent {
    }

    /** Stock was reserved for an order that had already closed: the catalog must release it. */
    record StockReleaseRequested(int revision, String reason) implements OrderEvent {
    }

    /** A charge was approved after the order closed: the money goes back. */
    record RefundRequired(int revision) implements OrderEvent {
    }

    record Shipped(int revision) implements OrderEvent {
    }

    record Delivered(int revision) implements OrderEvent {
    }
}
