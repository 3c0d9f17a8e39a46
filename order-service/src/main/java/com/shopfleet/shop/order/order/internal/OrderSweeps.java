package com.shopfleet.shop.order.order.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import com.shopfleet.shop.order.order.OrderLifecycle;
import com.shopfleet.shop.order.order.OrderPayments;

/**
 * The order's clocks, each on one instance at a time (ShedLock): PENDING orders the catalog did not
 * answer (re-requested, then rejected), bank transfers past their deadline (cancelled), and charges
 * or refunds that did not finish (retried). Nothing stays stuck.
 */
@Component
class OrderSweeps {

    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(2);

    private final OrderLifecycle lifecycle;
    private final OrderPayments payments;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    OrderSweeps(OrderLifecycle lifecycle, OrderPayments payments, LockingTaskExecutor locks, Clock clock) {
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shop.order.saga.sweep-interval:5s}", initialDelayString = "${shop.order.saga.sweep-interval:5s}")
    void pendingOrders() {
        locks.executeWithLock((Runnable) () -> lifecycle.sweepPending(clock.instant()), lock("order-pending-sweep"));
    }

    @Scheduled(fixedDelayString = "${shop.order.payment.sweep-interval:10s}", initialDelayString = "${shop.order.payment.sweep-interval:10s}")
    void payments() {
        locks.executeWithLock((Runnable) () -> {
            lifecycle.cancelOverdueTransfers(clock.instant());
            payments.sweep(clock.instant());
        }, lock("order-payment-sweep"));
    }

    private LockConfiguration lock(String name) {
        return new LockConfiguration(clock.instant(), name, LOCK_AT_MOST, Duration.ZERO);
    }
}
