package com.shopfleet.shop.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;
import com.shopfleet.shop.order.payment.PaymentMethod;
import com.shopfleet.shop.order.payment.PaymentProperties;

/**
 * The order's transitions after checkout: the catalog's answers, the buyer's cancel, staff steps
 * and the saga's timeouts. Each runs in one transaction with its outbox events and points
 * movements; one that lost a race with another writer of the same order is retried.
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
    private static final int ATTEMPTS = 3;
    private static final int SWEEP_BATCH = 100;

    private final OrderRepository repository;
    private final OrderEventRecorder recorder;
    private final OrderMetrics metrics;
    private final TransactionTemplate transactions;
    private final SagaProperties saga;
    private final PaymentProperties payment;
    private final Clock clock;

    OrderLifecycle(OrderRepository repository, OrderEventRecorder recorder, OrderMetrics metrics,
            TransactionTemplate transactions, SagaProperties saga, PaymentProperties payment, Clock clock) {
        this.repository = repository;
        this.recorder = recorder;
        this.metrics = metrics;
        this.transactions = transactions;
        this.saga = saga;
        this.payment = payment;
        this.clock = clock;
    }

    /** {@code StockReserved}: a PENDING order is CONFIRMED; a closed one asks the catalog to release the stock again. */
    @Transactional
    public void stockReserved(long orderId) {
        Order order = repository.findById(orderId).orElse(null);
        if (order == null) {
            log.warn("StockReserved for unknown order {}: ignored", orderId);
            return;
        }
        Instant now = clock.instant();
        if (order.status() == OrderStatus.PENDING) {
            order.confirm(now, payment.bankTransferDeadline());
            metrics.sagaEnded(order, "confirmed", now);
        }
        else if (order.releaseLateReservation()) {
            log.info("Stock reserved for order {} after it closed ({}): asking the catalog to release it",
                    order.orderNumber(), order.status());
        }
        recorder.record(order);
    }

    /** {@code StockRejected}: a PENDING order is REJECTED with its short lines; otherwise nothing was reserved. */
    @Transactional
    public void stockRejected(long orderId, List<StockRejected.ShortLine> shortLines) {
        Order order = repository.findById(orderId).orElse(null);
        if (order == null) {
            log.warn("StockRejected for unknown order {}: ignored", orderId);
            return;
        }
        if (order.status() != OrderStatus.PENDING) {
            log.info("StockRejected for order {} in {}: nothing to do", order.orderNumber(), order.status());
            return;
        }
        Instant now = clock.instant();
        order.reject(shortLines, now);
        metrics.sagaEnded(order, "rejected", now);
        recorder.record(order);
    }

    /** The buyer cancels one of their orders before it ships. */
    public void cancelByBuyer(long userId, long orderId) {
        change(() -> repository.findByIdAndUserId(orderId, userId).orElseThrow(Orders::notFound),
                order -> order.cancel(Order.CUSTOMER_REQUEST, clock.instant()));
    }

    /** Staff saw the bank transfer of a confirmed order arrive. */
    public void markTransferReceived(long orderId) {
        change(() -> repository.findById(orderId).orElseThrow(Orders::notFound), order -> {
            if (order.paymentMethod() != PaymentMethod.BANK_TRANSFER) {
                throw Refusal.of(ErrorCode.CONFLICT, "error.order.notBankTransfer");
            }
            order.markPaid(null, clock.instant());
        });
    }

    public void ship(long orderId, String carrier, String trackingNumber) {
        change(() -> repository.findById(orderId).orElseThrow(Orders::notFound),
                order -> order.ship(carrier, trackingNumber, clock.instant()));
    }

    public void deliver(long orderId) {
        change(() -> repository.findById(orderId).orElseThrow(Orders::notFound),
                order -> order.deliver(clock.instant()));
    }

    /**
     * PENDING orders the catalog has not answered within the timeout: asked again until
     * {@code maxStockRequests}, then REJECTED with their points released. Returns how many were handled.
     */
    public int sweepPending(Instant now) {
        List<Long> ids = transactions.execute(status -> repository.findIdsWaitingSince(OrderStatus.PENDING,
                now.minus(saga.pendingTimeout()), Limit.of(SWEEP_BATCH)));
        for (long id : ids) {
            try {
                change(() -> repository.findById(id).orElseThrow(Orders::notFound), order -> {
                    if (order.status() != OrderStatus.PENDING
                            || !order.lastStockRequestAt().isBefore(now.minus(saga.pendingTimeout()))) {
                        return;
                    }
                    if (order.stockRequests() < saga.maxStockRequests()) {
                        log.warn("Order {} has no answer from the catalog after {} request(s): asking again",
                                order.orderNumber(), order.stockRequests());
                        order.requestStockAgain(clock.instant());
                        metrics.slowSaga("re_requested");
                    }
                    else {
                        log.warn("Order {} has no answer from the catalog after {} request(s): rejected",
                                order.orderNumber(), order.stockRequests());
                        Instant at = clock.instant();
                        order.rejectForTimeout(at);
                        metrics.slowSaga("rejected");
                        metrics.sagaEnded(order, "rejected", at);
                    }
                });
            }
            catch (RuntimeException ex) {
                log.error("Could not move stuck order {} on", id, ex);
            }
        }
        return ids.size();
    }

    /** Confirmed bank-transfer orders whose deadline passed without the money: cancelled, stock and points released. */
    public int cancelOverdueTransfers(Instant now) {
        List<Long> ids = transactions.execute(status -> repository.findIdsPastDeadline(OrderStatus.CONFIRMED,
                PaymentStatus.AWAITING, PaymentMethod.BANK_TRANSFER, now, Limit.of(SWEEP_BATCH)));
        for (long id : ids) {
            try {
                change(() -> repository.findById(id).orElseThrow(Orders::notFound), order -> {
                    if (order.status() == OrderStatus.CONFIRMED && order.paymentDeadline() != null
                            && order.paymentDeadline().isBefore(now)) {
                        log.info("Order {} was not paid by {}: cancelled", order.orderNumber(), order.paymentDeadline());
                        order.cancel(Order.PAYMENT_DEADLINE_PASSED, clock.instant());
                    }
                });
            }
            catch (RuntimeException ex) {
                log.error("Could not cancel overdue order {}", id, ex);
            }
        }
        return ids.size();
    }

    /** Loads, changes and records an order in one transaction, again when a concurrent writer won. */
    private void change(Supplier<Order> load, Consumer<Order> transition) {
        for (int attempt = 1;; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    Order order = load.get();
                    transition.accept(order);
                    recorder.record(order);
                });
                return;
            }
            catch (OptimisticLockingFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.debug("Order changed concurrently, retrying ({})", conflict.getMessage());
            }
        }
    }
}
