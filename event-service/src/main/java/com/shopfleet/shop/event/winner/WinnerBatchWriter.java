package com.shopfleet.shop.event.winner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEvents;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * Stores a batch of winners read from an event's stream, in one transaction: the new rows and one
 * {@link PrizeWon} per new winner through the outbox. A winner already stored (a replayed entry:
 * the worker died after committing but before acknowledging) is skipped, so it causes neither a
 * second row nor a second event. Two workers racing on the same entry cannot both commit it: the
 * primary key (event, user) fails the second transaction, which is retried and then skips it.
 */
@Component
class WinnerBatchWriter {

    private final Winners winners;
    private final FcfsEvents events;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter stored;
    private final Counter replayed;

    WinnerBatchWriter(Winners winners, FcfsEvents events, Outbox outbox, TransactionTemplate transactions, Clock clock,
            MeterRegistry meters) {
        this.winners = winners;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.stored = Counter.builder("shop.event.winners.stored")
                .description("Winners written to the database (each with one PrizeWon)")
                .register(meters);
        this.replayed = Counter.builder("shop.event.winners.replayed")
                .description("Stream entries whose winner was stored already (replays after a worker died)")
                .register(meters);
    }

    /** @return the winners stored now (the others were stored before) */
    List<StreamWinner> store(long eventId, List<StreamWinner> batch) {
        Map<Long, StreamWinner> byUser = new LinkedHashMap<>();
        batch.forEach(winner -> byUser.putIfAbsent(winner.userId(), winner));
        List<StreamWinner> fresh = transactions.execute(status -> {
            EventSnapshot event = events.get(eventId);
            Set<Long> already = winners.storedAmong(eventId, new ArrayList<>(byUser.keySet()));
            List<StreamWinner> toStore = byUser.values().stream().filter(w -> !already.contains(w.userId())).toList();
            winners.insert(eventId, toStore, clock.instant());
            for (StreamWinner winner : toStore) {
                outbox.record(new PrizeWon(eventId, event.title(), winner.userId(), event.prizePoints(), winner.rank()));
            }
            return toStore;
        });
        stored.increment(fresh.size());
        replayed.increment(batch.size() - fresh.size());
        return fresh;
    }
}
