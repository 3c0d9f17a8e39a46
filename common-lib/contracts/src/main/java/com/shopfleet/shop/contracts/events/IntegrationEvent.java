package com.shopfleet.shop.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The payload of an {@link EventEnvelope}. What it says about itself (wire name, topic, Kafka key,
 * schema version) goes into the envelope and the headers, never into the payload JSON; a payload
 * record therefore has no component named like one of these accessors.
 */
public interface IntegrationEvent {

    /** The wire name, e.g. {@code OrderPlaced}: the envelope's {@code type} and the {@code event-type} header. */
    @JsonIgnore
    String type();

    /** The topic the event is published to, one of {@link Topics}. */
    @JsonIgnore
    String topic();

    /** The id of the aggregate the event is about: the envelope's {@code aggregateId} and the Kafka key. */
    @JsonIgnore
    String aggregateId();

    /**
     * The version of this payload's shape: the envelope's {@code schemaVersion} and the
     * {@code event-version} header.
     */
    @JsonIgnore
    default int schemaVersion() {
        return 1;
    }
}
