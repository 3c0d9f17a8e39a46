package com.shopfleet.shop.support.messaging.deadletter;

import java.time.Instant;

/**
 * An event a consumer group gave up on, as read from its dead-letter topic, with whether staff
 * replayed it. The payload itself is never exposed (it may carry personal data).
 *
 * @param key            the Kafka key (the aggregate id)
 * @param eventId        null when the record was no readable envelope
 * @param deadLetteredAt when it reached the dead-letter topic
 * @param reasonCode     a short code of the failure (the service's {@link DeadLetterPolicy} decides)
 * @param reason         the failure text, as the policy renders it
 * @param replay         null while pending
 */
public record DeadLetter(DeadLetterId id, String key, String eventId, String eventType, Instant occurredAt,
        Instant deadLetteredAt, int originalPartition, long originalOffset, String reasonCode, String reason,
        Replay replay) {

    public boolean replayed() {
        return replay != null;
    }

    public DeadLetter withReplay(Replay replay) {
        return new DeadLetter(id, key, eventId, eventType, occurredAt, deadLetteredAt, originalPartition, originalOffset,
                reasonCode, reason, replay);
    }

    /** Who replayed it, when. */
    public record Replay(Instant replayedAt, long replayedBy) {
    }
}
