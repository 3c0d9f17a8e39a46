package com.shopfleet.shop.contracts.events;

import java.util.Objects;

/**
 * One entry of {@link EventTypes}: an event's wire name with its payload class and topic.
 *
 * @param name         the wire name ({@code type} of the envelope, {@code event-type} header)
 * @param payloadClass the record to read the payload into
 * @param topic        the topic the event is published to
 * @param <P>          the payload type
 */
public record EventType<P extends IntegrationEvent>(String name, Class<P> payloadClass, String topic) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadClass, "payloadClass");
        Objects.requireNonNull(topic, "topic");
    }
}
