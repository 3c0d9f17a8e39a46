package com.shopfleet.shop.order.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the checkout-saga dashboard shows: orders per status ({@code shop_orders}), transitions
 * ({@code shop_order_transitions_total}), the saga's duration from placing to CONFIRMED or REJECTED
 * ({@code shop_checkout_saga_duration_seconds}), slow sagas re-requested or rejected for a timeout
 * ({@code shop_checkout_saga_slow_total}) and PENDING orders past the timeout right now
 * ({@code shop_checkout_pending_stuck}). Gauges read the database at most every 10 s.
 */
@Component
class OrderMetrics {

    private static final Duration CACHE = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final OrderRepository repository;
    private final TransactionTemplate transactions;
    private final SagaProperties saga;
    private final Clock clock;
    private final Map<OrderStatus, Counter> transitions = new EnumMap<>(OrderStatus.class);
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, new EnumMap<>(OrderStatus.class), 0);

    OrderMetrics(MeterRegistry registry, OrderRepository repository, TransactionTemplate transactions,
            SagaProperties saga, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.transactions = transactions;
        this.saga = saga;
        this.clock = clock;
        for (OrderStatus status : OrderStatus.values()) {
            transitions.put(status, Counter.builder("shop.order.transitions").tag("status", status.name())
                    .description("Orders that entered a status").register(registry));
            Gauge.builder("shop.orders", this, metrics -> metrics.current().byStatus().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("Orders per status").register(registry);
        }
        Gauge.builder("shop.checkout.pending.stuck", this, metrics -> metrics.current().stuck())
                .description("PENDING orders without the catalog's answer for longer than the saga timeout")
                .register(registry);
    }

    void entered(OrderStatus status) {
        transitions.get(status).increment();
    }

    void sagaEnded(Order order, String outcome, Instant now) {
        Timer.builder("shop.checkout.saga.duration").tag("outcome", outcome)
                .description("From POST /api/orders to CONFIRMED or REJECTED")
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(order.placedAt(), now));
    }

    void slowSaga(String action) {
        Counter.builder("shop.checkout.saga.slow").tag("action", action)
                .description("PENDING orders the catalog did not answer in time").register(registry).increment();
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last.takenAt().plus(CACHE).isAfter(now)) {
            return last;
        }
        Snapshot fresh = transactions.execute(status -> {
            Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
            for (Object[] row : repository.countByStatus()) {
                byStatus.put((OrderStatus) row[0], (Long) row[1]);
            }
            long stuck = repository.countWaitingSince(OrderStatus.PENDING, now.minus(saga.pendingTimeout()));
            return new Snapshot(now, byStatus, stuck);
        });
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, Map<OrderStatus, Long> byStatus, long stuck) {
    }
}
