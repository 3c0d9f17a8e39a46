package com.shopfleet.shop.event.fcfs;

/**
 * The live side of events (Redis, provided by the admission feature): what this feature tells it
 * after a change, and the remaining quantity it reads from it.
 */
public interface LiveEvents {

    /**
     * Brings the live copy of an event in line with its stored state after staff created, changed
     * or closed it (loads it at once when it opens soon). Failures are logged, not thrown: the
     * scheduled loader repeats the sync within seconds.
     */
    void changed(EventSnapshot event);

    /** Prizes left: from Redis while the event is live, else from the winners stored. */
    long remaining(EventSnapshot event);
}
