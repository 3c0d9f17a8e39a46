package com.shopfleet.shop.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventType;
import com.shopfleet.shop.contracts.events.EventTypes;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetters;

/**
 * An idempotent consumer for one consumer group, as a Spring Cloud Stream function
 * ({@code Consumer<Message<byte[]>>}): each message is read as an {@link EventEnvelope}, its payload
 * turned into the record its {@code type} names, and handed to the handler registered for that
 * record — inside one transaction that also claims the event id in {@code processed_event}. A
 * redelivered event is therefore a no-op; a handler that throws rolls everything back, so the
 * binder retries it and finally dead-letters it ({@code <topic>.<group>.dlt}) with the reason.
 * Event types nobody registered are skipped (newer producers may add types), and so is a dead letter
 * staff replayed for another group of the same topic.
 */
public final class EventHandlers implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final String group;
    private final Map<String, Registration<?>> handlers;
    private final ProcessedEvents processed;
    private final TransactionOperations transactions;
    private final JsonMapper jsonMapper;

    private EventHandlers(Builder builder) {
        this.group = builder.group;
        this.handlers = Map.copyOf(builder.handlers);
        this.processed = builder.processed;
        this.transactions = builder.transactions;
        this.jsonMapper = builder.jsonMapper;
    }

    public static Builder forGroup(String group, ProcessedEvents processed, TransactionOperations transactions,
            JsonMapper jsonMapper) {
        return new Builder(group, processed, transactions, jsonMapper);
    }

    @Override
    public void accept(Message<byte[]> message) {
        String replayedFor = replayGroup(message);
        if (replayedFor != null && !replayedFor.equals(group)) {
            log.debug("Group {} passes by a dead letter replayed for group {}", group, replayedFor);
            return;
        }
        EventEnvelope<JsonNode> envelope = read(message.getPayload());
        Registration<?> registration = handlers.get(envelope.type());
        if (registration == null) {
            log.debug("Group {} ignores event type {} ({})", group, envelope.type(), envelope.eventId());
            return;
        }
        handle(envelope, registration);
    }

    private <P extends IntegrationEvent> void handle(EventEnvelope<JsonNode> envelope, Registration<P> registration) {
        P payload = jsonMapper.convertValue(envelope.payload(), registration.type());
        transactions.executeWithoutResult(status -> {
            if (!processed.claim(envelope.eventId(), group, envelope.type())) {
                log.info("Group {} already processed {} {}: skipped", group, envelope.type(), envelope.eventId());
                return;
            }
            registration.handler().accept(envelope, payload);
            // with the record's trace id (MDC): where an on-call person follows a change into this service
            log.info("Group {} handled {} {} about {}", group, envelope.type(), envelope.eventId(), envelope.aggregateId());
        });
    }

    /** The group a staff replay of a dead letter is meant for ({@link DeadLetters#REPLAY_GROUP}), if any. */
    private static String replayGroup(Message<byte[]> message) {
        Object value = message.getHeaders().get(DeadLetters.REPLAY_GROUP);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private EventEnvelope<JsonNode> read(byte[] payload) {
        return jsonMapper.readValue(payload,
                jsonMapper.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class));
    }

    private record Registration<P extends IntegrationEvent>(Class<P> type,
            BiConsumer<EventEnvelope<JsonNode>, P> handler) {
    }

    public static final class Builder {

        private final String group;
        private final ProcessedEvents processed;
        private final TransactionOperations transactions;
        private final JsonMapper jsonMapper;
        private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();

        private Builder(String group, ProcessedEvents processed, TransactionOperations transactions,
                JsonMapper jsonMapper) {
            this.group = group;
            this.processed = processed;
            this.transactions = transactions;
            this.jsonMapper = jsonMapper;
        }

        /** Handles {@code type}; the envelope gives the event id, time and aggregate version. */
        public <P extends IntegrationEvent> Builder on(Class<P> type, BiConsumer<EventEnvelope<JsonNode>, P> handler) {
            handlers.put(typeName(type), new Registration<>(type, handler));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(this);
        }

        private static String typeName(Class<?> type) {
            return EventTypes.all().stream()
                    .filter(registered -> registered.payloadClass().equals(type))
                    .map(EventType::name)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type + " is not a registered event type"));
        }
    }
}
