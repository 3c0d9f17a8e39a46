package com.shopfleet.shop.notification.order.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.notification.delivery.EventConsumers;
import com.shopfleet.shop.notification.delivery.NotificationEventConsumer;
import com.shopfleet.shop.notification.order.OrderNotifications;

/** {@code shop.order.order} (binding {@code orderEvents-in-0}); OrderPlaced and OrderDelivered are ignored. */
@Configuration(proxyBeanMethods = false)
class OrderEventsConfiguration {

    @Bean
    NotificationEventConsumer orderEvents(EventConsumers consumers, OrderNotifications orders) {
        return consumers.forFunction("orderEvents", handlers -> handlers
                .on(OrderConfirmed.class, orders::confirmed)
                .on(OrderRejected.class, orders::rejected)
                .on(OrderPaid.class, orders::paid)
                .on(OrderShipped.class, orders::shipped)
                .on(OrderCancelled.class, orders::cancelled));
    }
}
