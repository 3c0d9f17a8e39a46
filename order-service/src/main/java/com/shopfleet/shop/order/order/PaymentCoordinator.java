package com.shopfleet.shop.order.order;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.order.AfterCommit;

/**
 * Starts a charge or refund right after the transaction that made it due commits, on another
 * thread (the Kafka consumer or the request does not wait for the provider). If the process dies
 * before, the payment sweep finds the order and does it.
 */
@Component
class PaymentCoordinator {

    private final OrderPayments payments;
    private final AfterCommit afterCommit;

    PaymentCoordinator(OrderPayments payments, AfterCommit afterCommit) {
        this.payments = payments;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(PaymentDue due) {
        afterCommit.run("charge order " + due.orderId(), () -> payments.charge(due.orderId()));
    }

    @EventListener
    void on(RefundDue due) {
        afterCommit.run("refund order " + due.orderId(), () -> payments.refund(due.orderId()));
    }
}
