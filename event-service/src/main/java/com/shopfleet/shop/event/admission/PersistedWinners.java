package com.shopfleet.shop.event.admission;

import java.util.OptionalInt;
import java.util.function.Consumer;

/** What the database holds about winners (provided by the winner feature). */
public interface PersistedWinners {

    long count(long eventId);

    /** The rank a user won in an event, if they are a stored winner. */
    OptionalInt rankOf(long eventId, long userId);

    /** Every stored winner of an event, in rank order. */
    void forEach(long eventId, Consumer<UserRank> action);

    record UserRank(long userId, int rank) {
    }
}
