package com.shopfleet.shop.event.admission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEventRepository;
import com.shopfleet.shop.event.fcfs.LiveEvents;

/**
 * Keeps Redis in line with the database: puts events in before they open (and at once when staff
 * create or change one that opens soon), marks early closes, puts back winners Redis lost, and
 * releases an event's keys once it has ended, its retention passed and every winner is stored.
 * Every step is idempotent, so several instances may run it at the same time.
 */
@Component
public class EventLoader implements LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(EventLoader.class);

    private static final int RESTORE_CHUNK = 500;

    private final StringRedisTemplate redis;
    private final FcfsEventRepository events;
    private final PersistedWinners winners;
    private final AdmissionProperties properties;
    private final Clock clock;

    EventLoader(StringRedisTemplate redis, FcfsEventRepository events, PersistedWinners winners,
            AdmissionProperties properties, Clock clock) {
        this.redis = redis;
        this.events = events;
        this.winners = winners;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void changed(EventSnapshot event) {
        Instant now = clock.instant();
        boolean soon = !event.opensAt().isAfter(now.plus(properties.preload()));
        try {
            if (soon || Boolean.TRUE.equals(redis.hasKey(AdmissionKeys.meta(event.id())))) {
                load(event);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not sync event {} to Redis now; the loader retries within {}: {}", event.id(),
                    properties.syncInterval(), ex.toString());
        }
    }

    @Override
    public long remaining(EventSnapshot event) {
        String remaining = redis.opsForValue().get(AdmissionKeys.remaining(event.id()));
        if (remaining != null) {
            return Long.parseLong(remaining);
        }
        if (clock.instant().isBefore(event.opensAt())) {
            return event.quantity();
        }
        return Math.max(0, event.quantity() - winners.count(event.id()));
    }

    /**
     * Puts the event into Redis or refreshes it there. Winners the database holds but Redis does
     * not (Redis lost writes) are put back first, each taking one prize off the remaining quantity.
     */
    public void load(EventSnapshot event) {
        long id = event.id();
        // stored winners first, admitted second: stored <= admitted always holds unless Redis lost data
        long stored = event.opensAt().isAfter(clock.instant()) ? 0 : winners.count(id);
        if (stored > 0) {
            Long admitted = admitted(id);
            if (admitted == null || stored > admitted) {
                restore(id, admitted);
            }
        }
        redis.execute(AdmissionScripts.LOAD, AdmissionKeys.all(id), Long.toString(event.opensAt().toEpochMilli()),
                Long.toString(event.endsAt().toEpochMilli()), event.closedAt() != null ? "1" : "0",
                Integer.toString(event.quantity()), Long.toString(event.prizePoints()), AdmissionKeys.GROUP,
                Long.toString(event.version()));
        redis.opsForSet().add(AdmissionKeys.ACTIVE, Long.toString(id));
    }

    /** Winners admitted by Redis: quantity minus remaining; null when the event is not loaded. */
    public Long admitted(long eventId) {
        Object quantity = redis.opsForHash().get(AdmissionKeys.meta(eventId), "quantity");
        String remaining = redis.opsForValue().get(AdmissionKeys.remaining(eventId));
        if (quantity == null || remaining == null) {
            return null;
        }
        return Long.parseLong(quantity.toString()) - Long.parseLong(remaining);
    }

    private void restore(long eventId, Long admitted) {
        List<String> chunk = new ArrayList<>();
        long[] restored = { 0 };
        winners.forEach(eventId, winner -> {
            chunk.add(Long.toString(winner.userId()));
            chunk.add(Integer.toString(winner.rank()));
            if (chunk.size() >= 2 * RESTORE_CHUNK) {
                restored[0] += restoreChunk(eventId, chunk);
            }
        });
        restored[0] += restoreChunk(eventId, chunk);
        if (admitted != null && restored[0] > 0) {
            log.warn("Redis had lost {} stored winner(s) of event {}; put them back", restored[0], eventId);
        }
    }

    private long restoreChunk(long eventId, List<String> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Long restored = redis.execute(AdmissionScripts.RESTORE,
                List.of(AdmissionKeys.remaining(eventId), AdmissionKeys.entrants(eventId)), chunk.toArray());
        chunk.clear();
        return restored == null ? 0 : restored;
    }

    /** One pass of the loader: every live event synced, ended and fully stored ones released. */
    public void syncAll() {
        Instant now = clock.instant();
        Set<String> live = new HashSet<>();
        for (var event : events.findLive(now.plus(properties.preload()), now.minus(properties.retention()))) {
            EventSnapshot snapshot = EventSnapshot.of(event);
            live.add(Long.toString(event.id()));
            try {
                load(snapshot);
            }
            catch (RuntimeException ex) {
                log.warn("Could not load event {} into Redis: {}", event.id(), ex.toString());
            }
        }
        Set<String> active = redis.opsForSet().members(AdmissionKeys.ACTIVE);
        if (active == null) {
            return;
        }
        Instant releasable = now.minus(properties.retention());
        for (String id : active) {
            if (live.contains(id)) {
                continue;
            }
            // decided on the stored event, not on absence from the list above: an event created
            // after that query is in Redis already and must keep its keys
            long eventId = Long.parseLong(id);
            events.findById(eventId)
                    .filter(event -> EventSnapshot.of(event).endsAt().isBefore(releasable))
                    .ifPresent(event -> releaseIfStored(eventId));
        }
    }

    private void releaseIfStored(long eventId) {
        Long admitted = admitted(eventId);
        long unacknowledged = 0;
        if (Boolean.TRUE.equals(redis.hasKey(AdmissionKeys.stream(eventId)))) {
            PendingMessagesSummary pending = redis.opsForStream().pending(AdmissionKeys.stream(eventId),
                    AdmissionKeys.GROUP);
            unacknowledged = pending == null ? 0 : pending.getTotalPendingMessages();
        }
        long stored = winners.count(eventId);
        if ((admitted == null || admitted == stored) && unacknowledged == 0) {
            redis.delete(AdmissionKeys.all(eventId));
            redis.opsForSet().remove(AdmissionKeys.ACTIVE, Long.toString(eventId));
            log.info("Released the Redis keys of event {} ({} winners stored)", eventId, stored);
        }
        else {
            log.info("Event {} ended but is not fully stored yet (admitted {}, stored {}, pending {}); keeping its keys",
                    eventId, admitted, stored, unacknowledged);
        }
    }
}
