package com.shopfleet.shop.support.messaging;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import com.shopfleet.shop.contracts.events.EventEnvelope;

/**
 * An event as the outbox stores it in the publication registry: the envelope that goes to Kafka and
 * the W3C trace context ({@code traceparent}, maybe {@code tracestate}) of the transaction that
 * recorded it. The relay publishes later — after commit on another thread, or after a restart — and
 * puts that context on the Kafka record, so the consumer continues the trace of the change.
 *
 * @param envelope     what the Kafka record carries
 * @param traceContext propagation headers of the recording span; empty when nothing was traced
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedEvent(EventEnvelope<?> envelope, Map<String, String> traceContext) {

    public RecordedEvent {
        Objects.requireNonNull(envelope, "envelope");
        traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
    }
}
