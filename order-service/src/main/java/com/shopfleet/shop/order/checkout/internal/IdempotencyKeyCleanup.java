package com.shopfleet.shop.order.checkout.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import com.shopfleet.shop.order.checkout.CheckoutMaintenance;

/** Forgets idempotency keys past their 24 h, hourly, on one instance at a time. */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final CheckoutMaintenance maintenance;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    IdempotencyKeyCleanup(CheckoutMaintenance maintenance, LockingTaskExecutor locks, Clock clock) {
        this.maintenance = maintenance;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpiredKeys() {
        locks.executeWithLock((Runnable) () -> {
            int forgotten = maintenance.forgetExpiredIdempotencyKeys();
            if (forgotten > 0) {
                log.info("Forgot {} expired idempotency keys", forgotten);
            }
        }, new LockConfiguration(clock.instant(), "order-idempotency-cleanup", Duration.ofMinutes(10), Duration.ZERO));
    }
}
