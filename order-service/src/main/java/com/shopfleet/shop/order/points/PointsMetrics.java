package com.shopfleet.shop.order.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Points ledger activity for the checkout-saga dashboard: {@code shop.points.entries{type}} (ledger
 * entries written, per {@link PointEntryType}) and {@code shop.points.moved{type}} (points they moved,
 * spendable and held), counted from the ledger itself — every instance reports the same totals, so
 * dashboards take {@code max}, not {@code sum}. Read at most every 5 s.
 */
@Component
class PointsMetrics implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, new EnumMap<>(PointEntryType.class),
            new EnumMap<>(PointEntryType.class));

    PointsMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (PointEntryType type : PointEntryType.values()) {
            FunctionCounter.builder("shop.points.entries", this, metrics -> metrics.current().entries().getOrDefault(type, 0L))
                    .tag("type", type.name())
                    .description("Points ledger entries written")
                    .register(registry);
            FunctionCounter.builder("shop.points.moved", this, metrics -> metrics.current().moved().getOrDefault(type, 0L))
                    .tag("type", type.name())
                    .description("Points moved by ledger entries (spendable and held)")
                    .register(registry);
        }
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last.takenAt().plus(CACHE).isAfter(now)) {
            return last;
        }
        Map<PointEntryType, Long> entries = new EnumMap<>(PointEntryType.class);
        Map<PointEntryType, Long> moved = new EnumMap<>(PointEntryType.class);
        jdbc.query("SELECT entry_type, COUNT(*), SUM(ABS(amount) + ABS(held_change)) FROM point_ledger GROUP BY entry_type",
                rs -> {
                    PointEntryType type = PointEntryType.valueOf(rs.getString(1));
                    entries.put(type, rs.getLong(2));
                    moved.put(type, rs.getLong(3));
                });
        Snapshot fresh = new Snapshot(now, entries, moved);
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant takenAt, Map<PointEntryType, Long> entries, Map<PointEntryType, Long> moved) {
    }
}
