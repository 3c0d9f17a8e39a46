package com.shopfleet.shop.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderDelivered;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.contracts.events.order.OrderRejected;

/**
 * Order events as the order service sends them: built from the contract's golden files (the same bytes
 * its producer tests check), with this test's orders, users and products put in.
 */
final class Orders {

    private static final AtomicLong ORDER_IDS = new AtomicLong(1_000_000 + System.nanoTime() % 1_000_000 * 10);

    private final JsonMapper jsonMapper;

    Orders(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    static long nextOrderId() {
        return ORDER_IDS.incrementAndGet();
    }

    /** One line per {@code productId, quantity} pair. */
    EventEnvelope<OrderPlaced> placed(long orderId, long userId, long... productAndQuantity) {
        OrderPlaced golden = GoldenFiles.<OrderPlaced>event(OrderPlaced.TYPE, jsonMapper).payload();
        return envelope(new OrderPlaced(orderId, "SF-" + orderId, userId, lines(orderId, productAndQuantity),
                golden.amounts()));
    }

    EventEnvelope<OrderConfirmed> confirmed(long orderId, long userId, long... productAndQuantity) {
        OrderConfirmed golden = GoldenFiles.<OrderConfirmed>event(OrderConfirmed.TYPE, jsonMapper).payload();
        return envelope(new OrderConfirmed(orderId, "SF-" + orderId, userId, lines(orderId, productAndQuantity),
                golden.amounts()));
    }

    EventEnvelope<OrderCancelled> cancelled(long orderId, long userId, long... productAndQuantity) {
        OrderCancelled golden = GoldenFiles.<OrderCancelled>event(OrderCancelled.TYPE, jsonMapper).payload();
        return envelope(new OrderCancelled(orderId, "SF-" + orderId, userId, lines(orderId, productAndQuantity),
                golden.amounts(), golden.reason(), true));
    }

    EventEnvelope<OrderRejected> rejected(long orderId, long userId, long... productAndQuantity) {
        OrderRejected golden = GoldenFiles.<OrderRejected>event(OrderRejected.TYPE, jsonMapper).payload();
        return envelope(new OrderRejected(orderId, "SF-" + orderId, userId, lines(orderId, productAndQuantity),
                golden.amounts(), golden.reason()));
    }

    /** Each {@code orderItemId, productId} pair delivered (the golden file holds nothing else but ids). */
    EventEnvelope<OrderDelivered> delivered(long orderId, long userId, long... itemAndProduct) {
        List<OrderDelivered.Item> items = new ArrayList<>();
        for (int i = 0; i < itemAndProduct.length; i += 2) {
            items.add(new OrderDelivered.Item(itemAndProduct[i], itemAndProduct[i + 1]));
        }
        return envelope(new OrderDelivered(orderId, "SF-" + orderId, userId, items));
    }

    private static List<OrderLine> lines(long orderId, long... productAndQuantity) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            int quantity = (int) productAndQuantity[i + 1];
            lines.add(new OrderLine(orderId * 10 + i / 2, productAndQuantity[i], "상품", quantity, 10_000,
                    10_000L * quantity));
        }
        return lines;
    }

    private static <P extends IntegrationEvent> EventEnvelope<P> envelope(P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.type(), payload.schemaVersion(), payload.aggregateId(), 1,
                Instant.now(), payload);
    }
}
