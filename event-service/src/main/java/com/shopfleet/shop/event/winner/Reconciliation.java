package com.shopfleet.shop.event.winner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.shopfleet.shop.event.admission.AdmissionKeys;
import com.shopfleet.shop.event.admission.EventLoader;
import com.shopfleet.shop.event.fcfs.EventSnapshot;

/**
 * Compares what Redis admitted with what the database stored. Once a stream is drained, stored
 * winners = quantity − remaining; the difference while it is not is {@code unpersisted}, exported
 * summed over live events as {@code shop.event.winners.unpersisted} (the operations alert watches
 * it: it must fall back to 0 within seconds).
 */
@Service
public class Reconciliation implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final EventLoader loader;
    private final Winners winners;
    private final Clock clock;
    private volatile Total total = new Total(Instant.EPOCH, 0, 0);

    Reconciliation(StringRedisTemplate redis, EventLoader loader, Winners winners, Clock clock) {
        this.redis = redis;
        this.loader = loader;
        this.winners = winners;
        this.clock = clock;
    }

    public Report of(EventSnapshot event) {
        long id = event.id();
        // stored first, admitted second (stored <= admitted at any instant)
        long stored = winners.count(id);
        Long admitted = loader.admitted(id);
        boolean live = admitted != null;
        long pending = 0;
        long streamLength = 0;
        if (live && Boolean.TRUE.equals(redis.hasKey(AdmissionKeys.stream(id)))) {
            PendingMessagesSummary summary = redis.opsForStream().pending(AdmissionKeys.stream(id), AdmissionKeys.GROUP);
            pending = summary == null ? 0 : summary.getTotalPendingMessages();
            Long size = redis.opsForStream().size(AdmissionKeys.stream(id));
            streamLength = size == null ? 0 : size;
        }
        long admittedOrStored = live ? admitted : stored;
        long remaining = Math.max(0, event.quantity() - admittedOrStored);
        long unpersisted = Math.max(0, admittedOrStored - stored);
        return new Report(id, event.quantity(), remaining, admittedOrStored, stored, unpersisted, pending, streamLength,
                live, unpersisted == 0 && pending == 0);
    }

    /** Winners admitted by Redis but not stored yet, over every live event (cached for a second). */
    public long unpersisted() {
        return current().unpersisted();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shop.event.winners.unpersisted", this, reconciliation -> reconciliation.current().unpersisted())
                .description("Winners admitted in Redis but not yet stored in the database, over live events")
                .register(registry);
        Gauge.builder("shop.event.live", this, reconciliation -> reconciliation.current().liveEvents())
                .description("Events loaded in Redis")
                .register(registry);
    }

    private Total current() {
        Total last = total;
        Instant now = clock.instant();
        if (last.takenAt().plus(CACHE).isAfter(now)) {
            return last;
        }
        Set<String> live = redis.opsForSet().members(AdmissionKeys.ACTIVE);
        long unpersisted = 0;
        if (live != null) {
            for (String id : live) {
                long eventId = Long.parseLong(id);
                long stored = winners.count(eventId);
                Long admitted = loader.admitted(eventId);
                if (admitted != null) {
                    unpersisted += Math.max(0, admitted - stored);
                }
            }
        }
        Total fresh = new Total(now, unpersisted, live == null ? 0 : live.size());
        total = fresh;
        return fresh;
    }

    /**
     * One event's reconciliation.
     *
     * @param admitted     winners Redis admitted (quantity − remaining), or the stored ones once released
     * @param stored       winner rows in the database
     * @param unpersisted  admitted − stored: in the stream, not yet in the database
     * @param pending      stream entries read by a worker but not acknowledged
     * @param live         whether the event is loaded in Redis
     * @param reconciled   stored = quantity − remaining (= admitted), and nothing pending
     */
    public record Report(long eventId, int quantity, long remaining, long admitted, long stored, long unpersisted,
            long pending, long streamLength, boolean live, boolean reconciled) {
    }

    private record Total(Instant takenAt, long unpersisted, long liveEvents) {
    }
}
