package com.shopfleet.shop.order.order;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.order.order.messaging.OrderIntegrationEvents;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * Turns what an order registered into its effects, inside the transaction of the change: the
 * contract event in the outbox (aggregate version = the order's revision), the points movement
 * in the wallet, and the in-process follow-ups run after commit (charge, refund).
 */
@Component
class OrderEventRecorder {

    private final Outbox outbox;
    private final PointsWallet points;
    private final ApplicationEventPublisher publisher;
    private final OrderMetrics metrics;

    OrderEventRecorder(Outbox outbox, PointsWallet points, ApplicationEventPublisher publisher, OrderMetrics metrics) {
        this.outbox = outbox;
        this.points = points;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Order order) {
        long pointsUsed = order.amounts().pointsUsed();
        for (OrderEvent event : order.pullEvents()) {
            switch (event) {
                case OrderEvent.Placed placed -> {
                    if (!placed.again()) {
                        if (pointsUsed > 0) {
                            points.hold(order.userId(), order.id(), order.orderNumber(), pointsUsed);
                        }
                        metrics.entered(OrderStatus.PENDING);
                    }
                    outbox.record(OrderIntegrationEvents.placed(order), placed.revision());
                }
                case OrderEvent.Confirmed confirmed -> {
                    metrics.entered(OrderStatus.CONFIRMED);
                    outbox.record(OrderIntegrationEvents.confirmed(order), confirmed.revision());
                    if (order.awaitsCharge()) {
                        publisher.publishEvent(new PaymentDue(order.id()));
                    }
                }
                case OrderEvent.Rejected rejected -> {
                    metrics.entered(OrderStatus.REJECTED);
                    if (pointsUsed > 0) {
                        points.release(order.userId(), order.id(), order.orderNumber(), pointsUsed);
                    }
                    outbox.record(OrderIntegrationEvents.rejected(order, rejected.reason()), rejected.revision());
                }
                case OrderEvent.Paid paid -> {
                    metrics.entered(OrderStatus.PAID);
                    if (pointsUsed > 0) {
                        points.capture(order.userId(), order.id(), order.orderNumber(), pointsUsed);
                    }
                    outbox.record(OrderIntegrationEvents.paid(order), paid.revision());
                }
                case OrderEvent.Cancelled cancelled -> {
                    metrics.entered(OrderStatus.CANCELLED);
                    switch (cancelled.points()) {
                        case RELEASED -> points.release(order.userId(), order.id(), order.orderNumber(), pointsUsed);
                        case REFUNDED -> points.refund(order.userId(), order.id(), order.orderNumber(), pointsUsed);
                        default -> {
                            // no points moved
                        }
                    }
                    outbox.record(OrderIntegrationEvents.cancelled(order, cancelled.reason(), cancelled.stockReserved()),
                            cancelled.revision());
                    if (cancelled.refundPayment()) {
                        publisher.publishEvent(new RefundDue(order.id()));
                    }
                }
                case OrderEvent.StockReleaseRequested release -> outbox.record(
                        OrderIntegrationEvents.cancelled(order, release.reason(), true), release.revision());
                case OrderEvent.RefundRequired refund -> publisher.publishEvent(new RefundDue(order.id()));
                case OrderEvent.Shipped shipped -> {
                    metrics.entered(OrderStatus.SHIPPED);
                    outbox.record(OrderIntegrationEvents.shipped(order), shipped.revision());
                }
                case OrderEvent.Delivered delivered -> {
                    metrics.entered(OrderStatus.DELIVERED);
                    outbox.record(OrderIntegrationEvents.delivered(order), delivered.revision());
                }
            }
        }
    }
}
