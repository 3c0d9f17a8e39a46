package com.shopfleet.shop.contracts.events;

/** The Kafka record headers every event carries besides its envelope (CONTRACTS §6). */
public final class EventHeaders {

    /** The payload's wire name, see {@link EventTypes}. */
    public static final String EVENT_TYPE = "event-type";

    /** The payload's schema version, as a decimal string. */
    public static final String EVENT_VERSION = "event-version";

    /** The W3C trace context of the change that caused the event. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
