package com.shopfleet.shop.catalog.inbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.catalog.review.Reviews;
import com.shopfleet.shop.catalog.stock.StockReservations;
import com.shopfleet.shop.catalog.wishlist.Wishlists;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderDelivered;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * The catalog's consumers (group {@value #GROUP}), one per topic, bound by Spring Cloud Stream
 * ({@code orderEvents-in-0}, {@code userEvents-in-0}); each event's effect and its id in
 * {@code processed_event} commit together, so a redelivery is a no-op; an event that keeps failing ends
 * on {@code <topic>.catalog.dlt}, which staff list and replay at {@code /api/admin/catalog/dead-letters}
 * (support's shared dead-letter API, read from the bindings' {@code dlq-name}).
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    static final String GROUP = "catalog";

    /** {@code shop.order.order}: stock reservations for the checkout saga, sales, review eligibility. */
    @Bean
    EventHandlers orderEvents(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
            StockReservations stock, Reviews reviews) {
        return EventHandlers.forGroup(GROUP, processed, transactions, jsonMapper)
                .on(OrderPlaced.class, (envelope, placed) -> stock.reserve(placed))
                .on(OrderConfirmed.class, (envelope, confirmed) -> stock.confirm(confirmed.orderId()))
                .on(OrderCancelled.class, (envelope, cancelled) -> stock.release(cancelled.orderId()))
                .on(OrderRejected.class, (envelope, rejected) -> stock.release(rejected.orderId()))
                .on(OrderDelivered.class, (envelope, delivered) -> reviews.recordDelivery(delivered))
                .build();
    }

    /** {@code shop.auth.user}: a withdrawn user's reviews are anonymized and their wishlist emptied. */
    @Bean
    EventHandlers userEvents(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
            Reviews reviews, Wishlists wishlists) {
        return EventHandlers.forGroup(GROUP, processed, transactions, jsonMapper)
                .on(UserWithdrawn.class, (envelope, withdrawn) -> {
                    reviews.anonymize(withdrawn.userId());
                    wishlists.clear(withdrawn.userId());
                })
                .build();
    }
}
