package com.shopfleet.shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import org.junit.jupiter.api.Test;

class EventEnvelopeTests {

    private final PrizeWon prize = new PrizeWon(42, "블랙프라이데이 선착순 5,000포인트", 1001, 5_000, 17);

    @Test
    void ofTakesTypeVersionAndKeyFromThePayload() {
        Instant before = Instant.now();

        EventEnvelope<PrizeWon> envelope = EventEnvelope.of(prize);

        assertThat(envelope.eventId()).isNotNull();
        assertThat(envelope.type()).isEqualTo(PrizeWon.TYPE);
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.aggregateId()).isEqualTo("42:1001");
        assertThat(envelope.aggregateVersion()).isZero();
        assertThat(envelope.occurredAt()).isBetween(before, Instant.now());
        assertThat(envelope.payload()).isSameAs(prize);
    }

    @Test
    void ofCarriesTheAggregateVersionAndAFreshIdEachTime() {
        EventEnvelope<PrizeWon> first = EventEnvelope.of(prize, 7);
        EventEnvelope<PrizeWon> second = EventEnvelope.of(prize, 7);

        assertThat(first.aggregateVersion()).isEqualTo(7);
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void envelopeWithoutPayloadIsRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), PrizeWon.TYPE, 1, "42:1001", 0, Instant.now(),
                        null))
                .withMessage("payload");
    }

    @Test
    void payloadListsAreCopiedDefensively() {
        List<StockReserved.Line> lines = new ArrayList<>(List.of(new StockReserved.Line(2001, 1)));

        StockReserved reserved = new StockReserved(5001, lines);
        lines.add(new StockReserved.Line(2002, 2));

        assertThat(reserved.lines()).containsExactly(new StockReserved.Line(2001, 1));
    }
}
