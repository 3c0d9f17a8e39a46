package com.shopfleet.shop.order.order.messaging;

import java.util.List;

import com.shopfleet.shop.contracts.events.order.OrderAmounts;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderDelivered;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.contracts.events.order.ShippingAddress;
import com.shopfleet.shop.order.order.DeliveryAddress;
import com.shopfleet.shop.order.order.Order;
import com.shopfleet.shop.order.order.OrderItem;

/** The one mapping of an order to the contract events of {@code shop.order.order}. */
public final class OrderIntegrationEvents {

    /** What OrderPaid says when points paid for everything. */
    static final String PAID_WITH_POINTS = "POINTS";

    private OrderIntegrationEvents() {
    }

    public static OrderPlaced placed(Order order) {
        return new OrderPlaced(order.id(), order.orderNumber(), order.userId(), lines(order), amounts(order));
    }

    public static OrderConfirmed confirmed(Order order) {
        return new OrderConfirmed(order.id(), order.orderNumber(), order.userId(), lines(order), amounts(order));
    }

    public static OrderRejected rejected(Order order, String reason) {
        return new OrderRejected(order.id(), order.orderNumber(), order.userId(), lines(order), amounts(order), reason);
    }

    public static OrderPaid paid(Order order) {
        String method = order.amounts().paymentAmount() == 0 ? PAID_WITH_POINTS : order.paymentMethod().name();
        return new OrderPaid(order.id(), order.orderNumber(), order.userId(), method, lines(order), amounts(order));
    }

    public static OrderCancelled cancelled(Order order, String reason, boolean stockReserved) {
        return new OrderCancelled(order.id(), order.orderNumber(), order.userId(), lines(order), amounts(order), reason,
                stockReserved);
    }

    /** Carries the address: the order is open while it ships, so it has not been anonymized. */
    public static OrderShipped shipped(Order order) {
        DeliveryAddress address = order.address();
        ShippingAddress shippingAddress = address == null ? null : new ShippingAddress(address.recipientName(),
                address.phone(), address.zipCode(), address.address1(), address.address2());
        return new OrderShipped(order.id(), order.orderNumber(), order.userId(), order.carrier(), order.trackingNumber(),
                shippingAddress, lines(order));
    }

    public static OrderDelivered delivered(Order order) {
        return new OrderDelivered(order.id(), order.orderNumber(), order.userId(), order.items().stream()
                .map(item -> new OrderDelivered.Item(item.id(), item.productId()))
                .toList());
    }

    private static List<OrderLine> lines(Order order) {
        return order.items().stream().map(OrderIntegrationEvents::line).toList();
    }

    private static OrderLine line(OrderItem item) {
        return new OrderLine(item.id(), item.productId(), item.productName(), item.quantity(), item.unitSalePrice(),
                item.lineTotal());
    }

    private static OrderAmounts amounts(Order order) {
        var amounts = order.amounts();
        return new OrderAmounts(amounts.goodsTotal(), amounts.shippingFee(), amounts.pointsUsed(),
                amounts.paymentAmount());
    }
}
