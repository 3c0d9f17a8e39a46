package com.shopfleet.shop.event.winner;

import java.time.Instant;

/** A stored winner. */
public record Winner(long eventId, long userId, int rank, Instant wonAt, Instant persistedAt) {
}
