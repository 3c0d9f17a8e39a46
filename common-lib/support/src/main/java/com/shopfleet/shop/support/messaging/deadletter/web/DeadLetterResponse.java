package com.shopfleet.shop.support.messaging.deadletter.web;

import java.time.Instant;

import com.shopfleet.shop.support.messaging.deadletter.DeadLetter;

/**
 * A dead letter for staff: which event, why it failed, whether it was replayed. Never the payload.
 *
 * @param id         {@code <alias>-<partition>-<offset>}, for the replay endpoint
 * @param topic      the topic the event came from (and a replay goes back to)
 * @param group      the consumer group that gave up on it
 * @param status     {@code PENDING} or {@code REPLAYED}
 * @param reasonCode a short code of the failure (e.g. {@code IllegalStateException}, {@code CONTACT_UNKNOWN})
 * @param reason     the failure, as the service's policy shows it
 */
public record DeadLetterResponse(String id, String topic, String group, String key, String eventId, String eventType,
        Instant occurredAt, Instant deadLetteredAt, String status, String reasonCode, String reason, Instant replayedAt,
        Long replayedBy) {

    public static DeadLetterResponse from(DeadLetter letter) {
        return new DeadLetterResponse(letter.id().toString(), letter.id().source().topic(), letter.id().source().group(),
                letter.key(), letter.eventId(), letter.eventType(), letter.occurredAt(), letter.deadLetteredAt(),
                letter.replayed() ? "REPLAYED" : "PENDING", letter.reasonCode(), letter.reason(),
                letter.replayed() ? letter.replay().replayedAt() : null,
                letter.replayed() ? letter.replay().replayedBy() : null);
    }
}
