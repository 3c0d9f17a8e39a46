package com.shopfleet.shop.event.fcfs;

import java.time.Instant;
import java.util.Objects;

/**
 * What staff decide about an event: its texts, the prize, how many winners and when it runs.
 *
 * @param prizePoints the points each winner is credited
 * @param quantity    how many winners, 1 to {@value #MAX_QUANTITY}
 */
public record EventTerms(String title, String description, long prizePoints, int quantity, Instant opensAt,
        Instant closesAt) {

    public static final int MAX_QUANTITY = 1_000_000;

    public EventTerms {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        description = description == null ? "" : description;
    }
}
