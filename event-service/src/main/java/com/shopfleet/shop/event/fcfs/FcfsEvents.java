package com.shopfleet.shop.event.fcfs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Staff create, change and close events; visitors read them. Every change is committed first and
 * then handed to {@link LiveEvents}, so Redis never holds an event the database does not. Reads by
 * id go through a short in-process cache, so polling an event costs no database round trip.
 */
@Service
public class FcfsEvents {

    private final FcfsEventRepository events;
    private final TransactionTemplate transactions;
    private final LiveEvents live;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    FcfsEvents(FcfsEventRepository events, TransactionTemplate transactions, LiveEvents live, Clock clock,
            EventViewProperties properties) {
        this.events = events;
        this.transactions = transactions;
        this.live = live;
        this.clock = clock;
        this.cacheTtl = properties.cacheTtl();
    }

    public EventSnapshot create(EventTerms terms) {
        EventSnapshot created = transactions.execute(
                status -> EventSnapshot.of(events.save(FcfsEvent.schedule(terms, clock.instant()))));
        return afterChange(created);
    }

    public EventSnapshot reschedule(long id, EventTerms terms) {
        EventSnapshot changed = transactions.execute(status -> {
            FcfsEvent event = load(id);
            event.reschedule(terms, clock.instant());
            return EventSnapshot.of(events.saveAndFlush(event));
        });
        return afterChange(changed);
    }

    public EventSnapshot close(long id) {
        EventSnapshot closed = transactions.execute(status -> {
            FcfsEvent event = load(id);
            event.close(clock.instant());
            return EventSnapshot.of(events.saveAndFlush(event));
        });
        return afterChange(closed);
    }

    /** The event as stored now (no cache): for staff. */
    public EventSnapshot get(long id) {
        return events.findById(id).map(EventSnapshot::of).orElseThrow(FcfsEvents::notFound);
    }

    /** The event, at most the cache's time-to-live old: for visitors and the entry path. */
    public Optional<EventSnapshot> find(long id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Optional.ofNullable(cached.event());
        }
        EventSnapshot fresh = events.findById(id).map(EventSnapshot::of).orElse(null);
        cache.put(id, new Cached(fresh, now.plus(cacheTtl)));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        return Optional.ofNullable(fresh);
    }

    public EventSnapshot require(long id) {
        return find(id).orElseThrow(FcfsEvents::notFound);
    }

    public Page<EventSnapshot> openOrUpcoming(Pageable pageable) {
        return events.findOpenOrUpcoming(clock.instant(), pageable).map(EventSnapshot::of);
    }

    public Page<EventSnapshot> all(Pageable pageable) {
        return events.findAllByOrderByIdDesc(pageable).map(EventSnapshot::of);
    }

    public long remaining(EventSnapshot event) {
        return live.remaining(event);
    }

    public Instant now() {
        return clock.instant();
    }

    private EventSnapshot afterChange(EventSnapshot event) {
        cache.remove(event.id());
        live.changed(event);
        return event;
    }

    private FcfsEvent load(long id) {
        return events.findById(id).orElseThrow(FcfsEvents::notFound);
    }

    private static ShopException notFound() {
        return new ShopException(ErrorCode.NOT_FOUND, "event.not-found");
    }

    private record Cached(EventSnapshot event, Instant expiresAt) {
    }
}
