package com.shopfleet.shop.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The message on every topic of the fleet (CONTRACTS §6). The Kafka key is {@code aggregateId};
 * consumers dedupe by {@code eventId}.
 *
 * @param eventId          unique per event, the consumers' deduplication key
 * @param type             the payload's wire name, see {@link EventTypes}
 * @param schemaVersion    the version of the payload's shape
 * @param aggregateId      the id of the aggregate the event is about; also the Kafka key
 * @param aggregateVersion the aggregate's version after the change, so a consumer can drop stale
 *                         state; 0 when the producer keeps no version for the aggregate
 * @param occurredAt       when the change happened (UTC)
 * @param payload          the event itself
 * @param <P>              the payload type: an {@link IntegrationEvent} record, or a JSON tree for a
 *                         reader that only needs the envelope
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"eventId", "type", "schemaVersion", "aggregateId", "aggregateVersion", "occurredAt", "payload"})
public record EventEnvelope<P>(UUID eventId, String type, int schemaVersion, String aggregateId,
        long aggregateVersion, Instant occurredAt, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event about an aggregate the producer keeps no version for. */
    public static <P extends IntegrationEvent> EventEnvelope<P> of(P payload) {
        return of(payload, 0);
    }

    /** A new event, with a fresh id, occurring now, about the given version of its aggregate. */
    public static <P extends IntegrationEvent> EventEnvelope<P> of(P payload, long aggregateVersion) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.type(), payload.schemaVersion(),
                payload.aggregateId(), aggregateVersion, Instant.now(), payload);
    }
}
