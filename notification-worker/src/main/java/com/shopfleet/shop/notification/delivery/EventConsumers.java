package com.shopfleet.shop.notification.delivery;

import java.util.function.UnaryOperator;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * Builds the worker's Stream consumers: one per topic, all in the consumer group
 * {@value #GROUP} (dead letters on {@code <topic>.notification.dlt}).
 */
public class EventConsumers {

    /** The worker's consumer group on every topic. */
    public static final String GROUP = "notification";

    private final ProcessedEvents processed;
    private final TransactionOperations transactions;
    private final JsonMapper jsonMapper;
    private final DeliveryMetrics metrics;
    private final BindingServiceProperties bindings;

    public EventConsumers(ProcessedEvents processed, TransactionOperations transactions, JsonMapper jsonMapper,
            DeliveryMetrics metrics, BindingServiceProperties bindings) {
        this.processed = processed;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
        this.metrics = metrics;
        this.bindings = bindings;
    }

    /**
     * @param function the function bean's name; its binding is {@code <function>-in-0}
     * @param handlers registers the event types it handles
     */
    public NotificationEventConsumer forFunction(String function, UnaryOperator<EventHandlers.Builder> handlers) {
        String binding = function + "-in-0";
        EventHandlers built = handlers.apply(EventHandlers.forGroup(GROUP, processed, transactions, jsonMapper)).build();
        return new NotificationEventConsumer(binding, built,
                () -> bindings.getConsumerProperties(binding).getMaxAttempts(), metrics, jsonMapper);
    }
}
