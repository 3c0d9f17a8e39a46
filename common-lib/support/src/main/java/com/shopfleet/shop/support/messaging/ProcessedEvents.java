package com.shopfleet.shop.support.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consumer inbox ({@code processed_event}): an event id claimed here in the same transaction
 * as the consumer's effect. A second claim of the same id by the same group fails on the primary
 * key — also when two deliveries race, since the second insert waits for the first transaction.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this group had not processed the event yet (and now has, if the transaction commits). */
    public boolean claim(UUID eventId, String group, String eventType) {
        try {
            jdbc.update("INSERT INTO processed_event (event_id, consumer_group, event_type, processed_at) VALUES (?, ?, ?, ?)",
                    eventId.toString(), group, eventType, Timestamp.from(clock.instant()));
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** Forgets ids older than {@code retention}: longer than any redelivery can come late. */
    public int forgetOlderThan(Duration retention) {
        return jdbc.update("DELETE FROM processed_event WHERE processed_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
