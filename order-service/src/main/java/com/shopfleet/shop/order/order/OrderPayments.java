package com.shopfleet.shop.order.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.order.payment.PaymentMethod;
import com.shopfleet.shop.order.payment.PaymentPort;
import com.shopfleet.shop.order.payment.PaymentPort.ChargeRequest;
import com.shopfleet.shop.order.payment.PaymentPort.ChargeResult;
import com.shopfleet.shop.order.payment.PaymentPort.RefundRequest;
import com.shopfleet.shop.order.payment.PaymentProperties;

/**
 * Charges and refunds through the {@link PaymentPort}, never inside a transaction: a short
 * transaction claims the step (one caller wins), the provider is called with no transaction or lock
 * open, and a second short transaction records the outcome. A step whose caller died stays claimed
 * for {@code retry-after} and is then taken over by the sweep; the provider's idempotency key keeps
 * a retried charge from charging twice.
 */
@Service
public class OrderPayments {

    private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);
    private static final int SWEEP_BATCH = 100;
    /** How long the after-commit charge gets before the sweep considers it lost. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final OrderRepository repository;
    private final OrderEventRecorder recorder;
    private final PaymentPort port;
    private final PaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderPayments(OrderRepository repository, OrderEventRecorder recorder, PaymentPort port,
            PaymentProperties properties, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.recorder = recorder;
        this.port = port;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Charges a confirmed card or phone order: PAID when approved, CANCELLED (stock and points back) when declined. */
    public void charge(long orderId) {
        if (!claim(orderId, PaymentStatus.AWAITING)) {
            return;
        }
        ChargeRequest request = transactions.execute(status -> {
            Order order = repository.findById(orderId).orElseThrow();
            return order.awaitsCharge() ? new ChargeRequest("charge-" + order.orderNumber(), order.id(),
                    order.orderNumber(), order.userId(), order.paymentMethod(), order.amounts().paymentAmount()) : null;
        });
        if (request == null) {
            return;
        }
        ChargeResult result;
        try {
            result = port.charge(request);
        }
        catch (RuntimeException unavailable) {
            log.warn("Charging order {} failed; it is tried again later: {}", request.orderNumber(),
                    unavailable.toString());
            giveUpIfExhausted(orderId);
            return;
        }
        retryOnConflict(() -> transactions.executeWithoutResult(status -> {
            Order order = repository.findById(orderId).orElseThrow();
            Instant now = clock.instant();
            switch (result) {
                case ChargeResult.Approved approved -> {
                    if (order.awaitsCharge()) {
                        order.markPaid(approved.reference(), now);
                    }
                    else if (order.chargeApprovedAfterClose(approved.reference())) {
                        log.info("Order {} was cancelled while it was charged: refunding", order.orderNumber());
                    }
                }
                case ChargeResult.Declined declined -> {
                    if (order.awaitsCharge()) {
                        log.info("Payment of order {} declined ({}): cancelled", order.orderNumber(), declined.reason());
                        order.cancel(Order.PAYMENT_DECLINED, now);
                    }
                }
            }
            recorder.record(order);
        }));
    }

    /** Gives back the money of a cancelled order that had been charged. */
    public void refund(long orderId) {
        if (!claim(orderId, PaymentStatus.REFUND_PENDING)) {
            return;
        }
        RefundRequest request = transactions.execute(status -> {
            Order order = repository.findById(orderId).orElseThrow();
            return order.paymentStatus() == PaymentStatus.REFUND_PENDING ? new RefundRequest(
                    "refund-" + order.orderNumber(), order.id(), order.paymentReference(),
                    order.amounts().paymentAmount()) : null;
        });
        if (request == null) {
            return;
        }
        try {
            port.refund(request);
        }
        catch (RuntimeException unavailable) {
            log.warn("Refunding order {} failed; it is tried again later: {}", orderId, unavailable.toString());
            return;
        }
        retryOnConflict(() -> transactions.executeWithoutResult(status -> {
            Order order = repository.findById(orderId).orElseThrow();
            if (order.paymentStatus() == PaymentStatus.REFUND_PENDING) {
                order.refunded(clock.instant());
            }
        }));
    }

    /** Charges and refunds whose after-commit attempt was lost or failed: tried again. */
    public int sweep(Instant now) {
        Instant fresh = now.minus(GRACE);
        Instant stale = now.minus(properties.retryAfter());
        List<Long> charges = transactions.execute(status -> repository.findIdsToCharge(OrderStatus.CONFIRMED,
                PaymentStatus.AWAITING, EnumSet.of(PaymentMethod.CARD, PaymentMethod.MOBILE), fresh, stale,
                Limit.of(SWEEP_BATCH)));
        List<Long> refunds = transactions.execute(status -> repository.findIdsToRefund(PaymentStatus.REFUND_PENDING,
                fresh, stale, Limit.of(SWEEP_BATCH)));
        for (long id : charges) {
            guarded("charge", id, () -> charge(id));
        }
        for (long id : refunds) {
            guarded("refund", id, () -> refund(id));
        }
        return charges.size() + refunds.size();
    }

    private boolean claim(long orderId, PaymentStatus step) {
        Instant now = clock.instant();
        Integer claimed = transactions.execute(status -> repository.claimPaymentStep(orderId, step, now,
                now.minus(properties.retryAfter())));
        return claimed != null && claimed == 1;
    }

    private void giveUpIfExhausted(long orderId) {
        retryOnConflict(() -> transactions.executeWithoutResult(status -> {
            Order order = repository.findById(orderId).orElseThrow();
            if (order.awaitsCharge() && order.paymentAttempts() >= properties.maxAttempts()) {
                log.warn("Order {} could not be charged in {} attempts: cancelled", order.orderNumber(),
                        order.paymentAttempts());
                order.cancel(Order.PAYMENT_FAILED, clock.instant());
                recorder.record(order);
            }
        }));
    }

    private static void retryOnConflict(Runnable step) {
        for (int attempt = 1;; attempt++) {
            try {
                step.run();
                return;
            }
            catch (OptimisticLockingFailureException conflict) {
                if (attempt >= 3) {
                    throw conflict;
                }
            }
        }
    }

    private static void guarded(String what, long orderId, Runnable step) {
        try {
            step.run();
        }
        catch (RuntimeException ex) {
            log.error("Could not {} order {}", what, orderId, ex);
        }
    }
}
