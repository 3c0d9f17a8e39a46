package com.shopfleet.shop.notification.deadletter;

import java.time.Instant;

/**
 * An event the worker gave up on, as read from its dead-letter topic, with whether staff replayed it.
 * The payload itself (addresses, reset codes) is never exposed.
 *
 * @param key            the Kafka key (the aggregate id)
 * @param eventId        null when the record was no readable envelope
 * @param deadLetteredAt when it reached the dead-letter topic
 * @param reasonCode     the {@code FailureReason} (e.g. {@code CONTACT_UNKNOWN}), null for a foreign failure
 * @param reason         the failure text, masked
 * @param replay         null while pending
 */
public record DeadLetter(DeadLetterId id, String key, String eventId, String eventType, Instant occurredAt,
        Instant deadLetteredAt, int originalPartition, long originalOffset, String reasonCode, String reason,
        Replay replay) {

    public boolean replayed() {
        return replay != null;
    }

    DeadLetter withReplay(Replay replay) {
        return new DeadLetter(id, key, eventId, eventType, occurredAt, deadLetteredAt, originalPartition, originalOffset,
                reasonCode, reason, replay);
    }

    /** Who replayed it, when. */
    public record Replay(Instant replayedAt, long replayedBy) {
    }
}
