package com.shopfleet.shop.event.admission.web;

/**
 * The result of an entry, or what {@code entries/me} says.
 *
 * @param result {@code WON} or, for {@code entries/me}, {@code NO_PRIZE}
 * @param rank   the winner's place (1-based); null without a prize
 */
record EntryResponse(long eventId, String result, Integer rank) {

    static EntryResponse won(long eventId, int rank) {
        return new EntryResponse(eventId, "WON", rank);
    }

    static EntryResponse noPrize(long eventId) {
        return new EntryResponse(eventId, "NO_PRIZE", null);
    }
}
