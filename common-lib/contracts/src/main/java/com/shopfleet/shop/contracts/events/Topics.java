package com.shopfleet.shop.contracts.events;

import java.util.Objects;

/** The Kafka topics of the fleet, named {@code shop.<service>.<aggregate>} (CONTRACTS §6). */
public final class Topics {

    /** Users (key userId); password-reset codes travel here, so retention is at most one day. */
    public static final String AUTH_USER = "shop.auth.user";

    /**
     * The latest state of every product (key productId); <b>compacted</b>, so a replica can be
     * rebuilt by reading it from the start.
     */
    public static final String CATALOG_PRODUCT = "shop.catalog.product";

    /** Stock reservations for orders (key orderId). */
    public static final String CATALOG_STOCK = "shop.catalog.stock";

    /** Orders (key orderId). */
    public static final String ORDER_ORDER = "shop.order.order";

    /** Prizes won in first-come-first-served events (key {@code eventId:userId}). */
    public static final String EVENT_PRIZE = "shop.event.prize";

    private Topics() {
    }

    /** The dead-letter topic of a consumer group on a topic: {@code <topic>.<group>.dlt}. */
    public static String deadLetter(String topic, String group) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        return topic + "." + group + ".dlt";
    }
}
