package com.shopfleet.shop.contracts.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderDelivered;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.contracts.events.order.OrderRejected;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.contracts.events.prize.PrizeWon;

/**
 * Every event of the fleet by its wire name (explicit names, never class names), so a consumer can
 * choose the payload class from the {@code event-type} header. A new event is registered here.
 */
public final class EventTypes {

    private static final List<EventType<?>> ALL = List.of(
            new EventType<>(UserRegistered.TYPE, UserRegistered.class, Topics.AUTH_USER),
            new EventType<>(UserUpdated.TYPE, UserUpdated.class, Topics.AUTH_USER),
            new EventType<>(UserWithdrawn.TYPE, UserWithdrawn.class, Topics.AUTH_USER),
            new EventType<>(PasswordResetRequested.TYPE, PasswordResetRequested.class, Topics.AUTH_USER),
            new EventType<>(EmailLookupRequested.TYPE, EmailLookupRequested.class, Topics.AUTH_USER),
            new EventType<>(ProductChanged.TYPE, ProductChanged.class, Topics.CATALOG_PRODUCT),
            new EventType<>(StockReserved.TYPE, StockReserved.class, Topics.CATALOG_STOCK),
            new EventType<>(StockRejected.TYPE, StockRejected.class, Topics.CATALOG_STOCK),
            new EventType<>(OrderPlaced.TYPE, OrderPlaced.class, Topics.ORDER_ORDER),
            new EventType<>(OrderConfirmed.TYPE, OrderConfirmed.class, Topics.ORDER_ORDER),
            new EventType<>(OrderRejected.TYPE, OrderRejected.class, Topics.ORDER_ORDER),
            new EventType<>(OrderPaid.TYPE, OrderPaid.class, Topics.ORDER_ORDER),
            new EventType<>(OrderCancelled.TYPE, OrderCancelled.class, Topics.ORDER_ORDER),
            new EventType<>(OrderShipped.TYPE, OrderShipped.class, Topics.ORDER_ORDER),
            new EventType<>(OrderDelivered.TYPE, OrderDelivered.class, Topics.ORDER_ORDER),
            new EventType<>(PrizeWon.TYPE, PrizeWon.class, Topics.EVENT_PRIZE));

    /** Throws (failing class initialization) if two entries share a name. */
    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    /** The event registered under a wire name; empty for an unknown or missing name. */
    public static Optional<EventType<?>> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every registered event, in a stable order. */
    public static List<EventType<?>> all() {
        return ALL;
    }
}
