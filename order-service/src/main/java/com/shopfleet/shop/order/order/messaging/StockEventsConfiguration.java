package com.shopfleet.shop.order.order.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.order.order.OrderLifecycle;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * {@code stockEvents} (group {@code order}, {@code shop.catalog.stock}): the catalog's answers of the
 * checkout saga. A redelivered answer is a no-op (inbox), and so is any answer the order's state
 * has moved past.
 */
@Configuration(proxyBeanMethods = false)
class StockEventsConfiguration {

    @Bean
    EventHandlers stockEvents(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
            OrderLifecycle lifecycle) {
        return EventHandlers.forGroup("order", processed, transactions, jsonMapper)
                .on(StockReserved.class, (envelope, reserved) -> lifecycle.stockReserved(reserved.orderId()))
                .on(StockRejected.class, (envelope, rejected) -> lifecycle.stockRejected(rejected.orderId(),
                        rejected.shortLines()))
                .build();
    }
}
