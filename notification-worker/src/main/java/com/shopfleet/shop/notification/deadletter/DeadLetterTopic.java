package com.shopfleet.shop.notification.deadletter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.notification.delivery.EventConsumers;

/** The topics the worker consumes and their dead-letter topics ({@code <topic>.notification.dlt}). */
public enum DeadLetterTopic {

    USER(Topics.AUTH_USER), ORDER(Topics.ORDER_ORDER), PRIZE(Topics.EVENT_PRIZE);

    private final String topic;

    DeadLetterTopic(String topic) {
        this.topic = topic;
    }

    /** The consumed topic, where a replay republishes. */
    public String topic() {
        return topic;
    }

    public String deadLetterTopic() {
        return Topics.deadLetter(topic, EventConsumers.GROUP);
    }

    /** The short name used in dead-letter ids and filters: {@code user}, {@code order}, {@code prize}. */
    public String alias() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeadLetterTopic> byAlias(String alias) {
        return Arrays.stream(values()).filter(topic -> topic.alias().equalsIgnoreCase(alias)).findFirst();
    }

    public static Optional<DeadLetterTopic> byDeadLetterTopic(String name) {
        return Arrays.stream(values()).filter(topic -> topic.deadLetterTopic().equals(name)).findFirst();
    }
}
