package com.shopfleet.shop.catalog.inbox;

import java.time.Instant;

/**
 * An event one of the catalog's consumers gave up on, as staff see it.
 *
 * @param topic the dead-letter topic it sits on
 * @param originalTopic where it was first published
 * @param eventType the envelope's {@code type} ({@code event-type} header)
 * @param eventId the envelope's {@code eventId}, when the value is readable JSON
 * @param failure the exception type and message the last attempt ended with
 * @param value the record's value as text (the envelope), cut after 4,000 characters
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key,
        String originalTopic, String eventType, String eventId, String failure, String value) {
}
