package com.shopfleet.shop.event.fcfs;

import java.time.Instant;

/**
 * An immutable copy of an event's state, safe to cache and to share between threads.
 *
 * @param version the aggregate's version: Redis keeps the newest one it was given
 */
public record EventSnapshot(long id, String title, String description, long prizePoints, int quantity,
        Instant opensAt, Instant closesAt, Instant closedAt, Instant createdAt, Instant updatedAt, long version) {

    public static EventSnapshot of(FcfsEvent event) {
        return new EventSnapshot(event.id(), event.title(), event.description(), event.prizePoints(), event.quantity(),
                event.opensAt(), event.closesAt(), event.closedAt(), event.createdAt(), event.updatedAt(),
                event.version());
    }

    public boolean isClosed(Instant now) {
        return closedAt != null || !now.isBefore(closesAt);
    }

    public boolean isOpen(Instant now) {
        return !isClosed(now) && !now.isBefore(opensAt);
    }

    /** When entries stopped or will stop. */
    public Instant endsAt() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    public EventStatus status(Instant now, long remaining) {
        if (isClosed(now)) {
            return EventStatus.CLOSED;
        }
        if (now.isBefore(opensAt)) {
            return EventStatus.UPCOMING;
        }
        return remaining <= 0 ? EventStatus.SOLD_OUT : EventStatus.OPEN;
    }

    /** Staff may still change it. */
    public boolean editable(Instant now) {
        return closedAt == null && now.isBefore(opensAt);
    }
}
