package com.shopfleet.shop.notification.delivery;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.logging.PiiMasking;
import com.shopfleet.shop.support.messaging.EventHandlers;

/**
 * One Spring Cloud Stream binding of the worker ({@code Consumer<Message<byte[]>>}): the shared
 * idempotent consumer ({@link EventHandlers}, which claims the event id in {@code processed_event})
 * run as the current {@link DeliveryAttempt}, so retries and dead letters are counted. A record
 * that is no event envelope is a {@link PermanentDeliveryFailure} (dead-lettered at once).
 */
public final class NotificationEventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventConsumer.class);

    /** The header Spring Integration's Kafka adapter counts deliveries of a record in. */
    static final String DELIVERY_ATTEMPT = "deliveryAttempt";

    private final String binding;
    private final EventHandlers handlers;
    private final IntSupplier maxAttempts;
    private final DeliveryMetrics metrics;
    private final JsonMapper jsonMapper;

    NotificationEventConsumer(String binding, EventHandlers handlers, IntSupplier maxAttempts, DeliveryMetrics metrics,
            JsonMapper jsonMapper) {
        this.binding = binding;
        this.handlers = handlers;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void accept(Message<byte[]> message) {
        DeliveryAttempt attempt = new DeliveryAttempt(deliveryAttempt(message), maxAttempts.getAsInt());
        EventHead head = head(message.getPayload(), attempt);
        try {
            attempt.run(() -> handlers.accept(message));
        }
        catch (DeliveryFailure failure) {
            throw failure; // counted and logged by Deliveries
        }
        catch (JacksonException ex) {
            throw unreadable(head.type(), ex, attempt);
        }
        catch (RuntimeException ex) {
            if (ex instanceof IllegalArgumentException && ex.getCause() instanceof JacksonException) {
                throw unreadable(head.type(), ex, attempt);
            }
            boolean deadLettered = attempt.isLast();
            metrics.failed(head.type(), null, FailureReason.UNEXPECTED, deadLettered);
            log.warn("{} {} on {} failed (attempt {}/{}{}): {}", head.type(), head.eventId(), binding, attempt.number(),
                    attempt.maxAttempts(), deadLettered ? ", dead-lettered" : ", will retry",
                    PiiMasking.text(String.valueOf(ex.getMessage())));
            throw ex;
        }
    }

    private EventHead head(byte[] payload, DeliveryAttempt attempt) {
        try {
            EventHead head = jsonMapper.readValue(payload, EventHead.class);
            if (head.eventId() == null || head.type() == null) {
                throw unreadable(head.type(), new IllegalArgumentException("no eventId or type"), attempt);
            }
            return head;
        }
        catch (JacksonException ex) {
            throw unreadable(null, ex, attempt);
        }
    }

    private DeliveryFailure unreadable(String type, RuntimeException ex, DeliveryAttempt attempt) {
        metrics.failed(type, null, FailureReason.MALFORMED_EVENT, true);
        log.warn("A record on {} is not a readable event envelope, dead-lettered: {}", binding, ex.getClass().getSimpleName());
        return DeliveryFailure.of(FailureReason.MALFORMED_EVENT, type, null,
                "not a readable event envelope (" + ex.getClass().getSimpleName() + ")", null);
    }

    private static int deliveryAttempt(Message<byte[]> message) {
        Object attempt = message.getHeaders().get(DELIVERY_ATTEMPT);
        return attempt instanceof Number number ? Math.max(1, number.intValue()) : 1;
    }

    /** What the consumer needs of an envelope before the handlers read it whole. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventHead(UUID eventId, String type) {
    }
}
