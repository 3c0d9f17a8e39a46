package com.shopfleet.shop.notification.deadletter.web;

import java.time.Instant;

import com.shopfleet.shop.notification.deadletter.DeadLetter;

/**
 * A dead letter for staff: which event, why it failed, whether it was replayed. Never the payload.
 *
 * @param id             {@code <topic>-<partition>-<offset>}, for the replay endpoint
 * @param topic          the topic the event came from (and a replay goes back to)
 * @param status         {@code PENDING} or {@code REPLAYED}
 * @param reasonCode     e.g. {@code CONTACT_UNKNOWN}, {@code INVALID_ADDRESS}, {@code SMTP_UNAVAILABLE}
 * @param reason         the failure, with addresses and numbers masked
 */
record DeadLetterResponse(String id, String topic, String key, String eventId, String eventType, Instant occurredAt,
        Instant deadLetteredAt, String status, String reasonCode, String reason, Instant replayedAt, Long replayedBy) {

    static DeadLetterResponse from(DeadLetter letter) {
        return new DeadLetterResponse(letter.id().toString(), letter.id().topic().topic(), letter.key(),
                letter.eventId(), letter.eventType(), letter.occurredAt(), letter.deadLetteredAt(),
                letter.replayed() ? "REPLAYED" : "PENDING", letter.reasonCode(), letter.reason(),
                letter.replayed() ? letter.replay().replayedAt() : null,
                letter.replayed() ? letter.replay().replayedBy() : null);
    }
}
