package com.shopfleet.shop.event.admission;

import java.util.List;

/**
 * The Redis keys of an event. Every key of one event carries the hash tag {@code {<id>}}, so the
 * admission script (which touches them all) also runs on Redis Cluster.
 */
public final class AdmissionKeys {

    /** The ids of the events loaded in Redis (a set; not part of any script). */
    public static final String ACTIVE = "shop:event:active";

    /** The consumer group that drains every event's winner stream into the database. */
    public static final String GROUP = "winners";

    private AdmissionKeys() {
    }

    public static String meta(long eventId) {
        return prefix(eventId) + "meta";
    }

    public static String remaining(long eventId) {
        return prefix(eventId) + "remaining";
    }

    public static String entrants(long eventId) {
        return prefix(eventId) + "entrants";
    }

    public static String stream(long eventId) {
        return prefix(eventId) + "stream";
    }

    /** meta, remaining, entrants, stream: the keys of the entry and load scripts, in their order. */
    public static List<String> all(long eventId) {
        return List.of(meta(eventId), remaining(eventId), entrants(eventId), stream(eventId));
    }

    private static String prefix(long eventId) {
        return "shop:event:{" + eventId + "}:";
    }
}
