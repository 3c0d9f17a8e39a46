package com.shopfleet.shop.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs follow-up work on another thread once the current transaction has committed (nothing if it
 * rolls back). For work a sweep also guarantees (charges, refunds, cart clean-up): unlike a
 * {@code @TransactionalEventListener}, it costs no event-publication rows, and it never needs a
 * second connection while the committing thread still holds its own.
 */
@Component
public class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final TaskExecutor executor;

    AfterCommit(TaskExecutor applicationTaskExecutor) {
        this.executor = applicationTaskExecutor;
    }

    public void run(String what, Runnable work) {
        Runnable guarded = () -> {
            try {
                work.run();
            }
            catch (RuntimeException ex) {
                log.warn("After-commit step '{}' failed: {}", what, ex.toString());
            }
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            executor.execute(guarded);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                executor.execute(guarded);
            }
        });
    }
}
