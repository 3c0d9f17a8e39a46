package com.shopfleet.shop.order.order.web;

import java.time.Instant;

import com.shopfleet.shop.order.order.Order;
import com.shopfleet.shop.order.order.OrderItem;
import com.shopfleet.shop.order.order.OrderStatus;
import com.shopfleet.shop.order.payment.PaymentMethod;

/** A line of an order list: enough to recognise the order ("이어폰 외 2건"). */
record OrderSummaryResponse(long orderId, String orderNumber, long userId, OrderStatus status,
        PaymentMethod paymentMethod, long paymentAmount, String firstProductName, String titleImage, int itemCount,
        Instant placedAt) {

    static OrderSummaryResponse from(Order order) {
        OrderItem first = order.items().getFirst();
        return new OrderSummaryResponse(order.id(), order.orderNumber(), order.userId(), order.status(),
                order.paymentMethod(), order.amounts().paymentAmount(), first.productName(), first.titleImage(),
                order.items().size(), order.placedAt());
    }
}
