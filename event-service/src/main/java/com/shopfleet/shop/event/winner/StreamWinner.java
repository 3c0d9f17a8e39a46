package com.shopfleet.shop.event.winner;

import java.time.Instant;
import java.util.Map;

/** One winner as the admission script appended it to the event's stream. */
record StreamWinner(String streamId, long userId, int rank, Instant wonAt) {

    static StreamWinner of(String streamId, Map<?, ?> fields) {
        return new StreamWinner(streamId, Long.parseLong(field(fields, "user")), Integer.parseInt(field(fields, "rank")),
                Instant.ofEpochMilli(Long.parseLong(field(fields, "at"))));
    }

    private static String field(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stream entry without " + name + ": " + fields);
        }
        return value.toString();
    }
}
