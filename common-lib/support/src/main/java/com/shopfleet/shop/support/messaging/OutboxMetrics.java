package com.shopfleet.shop.support.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code shop.outbox.pending} (publications not yet on Kafka) and
 * {@code shop.outbox.oldest.age} (seconds the oldest of them has waited): what an on-call person
 * watches to see a broker outage piling up. Read from the registry table at most every 5 s.
 */
public class OutboxMetrics implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0);

    public OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shop.outbox.pending", this, metrics -> metrics.current().pending())
                .description("Event publications recorded but not yet published to Kafka")
                .register(registry);
        Gauge.builder("shop.outbox.oldest.age", this, metrics -> metrics.current().oldestAgeSeconds())
                .description("Age of the oldest unpublished event publication")
                .baseUnit("seconds")
                .register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last.takenAt().plus(CACHE).isAfter(now)) {
            return last;
        }
        Snapshot fresh = jdbc.queryForObject(
                "SELECT COUNT(*), MIN(PUBLICATION_DATE) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL",
                (rs, row) -> {
                    long pending = rs.getLong(1);
                    Timestamp oldest = rs.getTimestamp(2);
                    double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                    return new Snapshot(now, pending, age);
                });
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, long pending, double oldestAgeSeconds) {
    }
}
