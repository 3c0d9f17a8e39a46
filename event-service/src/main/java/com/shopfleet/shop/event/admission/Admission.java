package com.shopfleet.shop.event.admission;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEvents;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Decides entries. The hot path is one EVALSHA of {@code enter.lua}: window, one entry per user and
 * the remaining quantity are checked, and a winner is appended to the event's stream, in one atomic
 * step; the database is not touched. Only an event Redis does not know (not loaded yet, unknown id,
 * or released after it ended) is looked up.
 */
@Service
public class Admission {

    private final StringRedisTemplate redis;
    private final FcfsEvents events;
    private final EventLoader loader;
    private final PersistedWinners winners;
    private final Map<EntryOutcome.Result, Counter> outcomes = new EnumMap<>(EntryOutcome.Result.class);

    Admission(StringRedisTemplate redis, FcfsEvents events, EventLoader loader, PersistedWinners winners,
            MeterRegistry meters) {
        this.redis = redis;
        this.events = events;
        this.loader = loader;
        this.winners = winners;
        for (EntryOutcome.Result result : EntryOutcome.Result.values()) {
            outcomes.put(result, Counter.builder("shop.event.entries")
                    .description("Entries decided by the admission script, by result")
                    .tag("result", result.name())
                    .register(meters));
        }
    }

    /**
     * Enters a user into an event.
     *
     * @return the outcome: {@code WON} (with rank), {@code ALREADY_ENTERED} (with the rank won
     *         before), {@code SOLD_OUT}, {@code NOT_OPEN} or {@code CLOSED}
     * @throws ShopException {@code NOT_FOUND} for an unknown event
     */
    public EntryOutcome enter(long eventId, long userId) {
        EntryOutcome outcome = runScript(eventId, userId);
        if (outcome.result() == EntryOutcome.Result.NOT_LOADED) {
            outcome = notLoaded(eventId, userId);
        }
        outcomes.get(outcome.result()).increment();
        return outcome;
    }

    /** The rank the user won, from Redis while the event is live, else from the database. */
    public OptionalInt rankOf(long eventId, long userId) {
        Object rank = redis.opsForHash().get(AdmissionKeys.entrants(eventId), Long.toString(userId));
        if (rank != null) {
            return OptionalInt.of(Integer.parseInt(rank.toString()));
        }
        return winners.rankOf(eventId, userId);
    }

    private EntryOutcome runScript(long eventId, long userId) {
        List<?> reply = redis.execute(AdmissionScripts.ENTER, AdmissionKeys.all(eventId), Long.toString(userId));
        if (reply == null || reply.size() != 2) {
            throw new IllegalStateException("Unexpected admission script reply " + reply);
        }
        return EntryOutcome.fromScript(((Number) reply.get(0)).longValue(), ((Number) reply.get(1)).longValue());
    }

    private EntryOutcome notLoaded(long eventId, long userId) {
        EventSnapshot event = events.require(eventId);
        var now = events.now();
        if (now.isBefore(event.opensAt())) {
            return new EntryOutcome(EntryOutcome.Result.NOT_OPEN, 0);
        }
        if (event.isClosed(now)) {
            return new EntryOutcome(EntryOutcome.Result.CLOSED, 0);
        }
        // open, but the loader has not put it into Redis yet (it just opened, or Redis lost it)
        loader.load(event);
        EntryOutcome retried = runScript(eventId, userId);
        if (retried.result() == EntryOutcome.Result.NOT_LOADED) {
            throw new ShopException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        return retried;
    }
}
