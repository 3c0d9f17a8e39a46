package com.shopfleet.shop.event.fcfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** The event aggregate guards its transitions. */
class FcfsEventTests {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aScheduledEventIsUpcomingThenOpenThenSoldOutOrClosed() {
        FcfsEvent event = FcfsEvent.schedule(terms(100, NOW.plusSeconds(60), NOW.plusSeconds(3600)), NOW);
        EventSnapshot snapshot = snapshot(event);

        assertThat(snapshot.status(NOW, 100)).isEqualTo(EventStatus.UPCOMING);
        assertThat(snapshot.status(NOW.plusSeconds(60), 100)).isEqualTo(EventStatus.OPEN);
        assertThat(snapshot.status(NOW.plusSeconds(61), 0)).isEqualTo(EventStatus.SOLD_OUT);
        assertThat(snapshot.status(NOW.plusSeconds(3600), 5)).isEqualTo(EventStatus.CLOSED);
        assertThat(snapshot.editable(NOW)).isTrue();
        assertThat(snapshot.editable(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void itCanBeChangedUntilItOpens() {
        FcfsEvent event = FcfsEvent.schedule(terms(100, NOW.plusSeconds(60), NOW.plusSeconds(3600)), NOW);

        event.reschedule(terms(200, NOW.plusSeconds(120), NOW.plusSeconds(7200)), NOW.plusSeconds(30));

        assertThat(event.quantity()).isEqualTo(200);
        assertThat(event.opensAt()).isEqualTo(NOW.plusSeconds(120));
        assertRefused(() -> event.reschedule(terms(300, NOW.plusSeconds(200), NOW.plusSeconds(7200)),
                NOW.plusSeconds(120)), ErrorCode.BUSINESS_RULE_VIOLATED, "event.edit.opened");
    }

    @Test
    void itClosesOnceAndIsThenNeitherOpenNorEditable() {
        FcfsEvent event = FcfsEvent.schedule(terms(100, NOW.minusSeconds(60), NOW.plusSeconds(3600)), NOW);

        event.close(NOW.plusSeconds(10));

        EventSnapshot closed = snapshot(event);
        assertThat(closed.status(NOW.plusSeconds(11), 50)).isEqualTo(EventStatus.CLOSED);
        assertThat(closed.endsAt()).isEqualTo(NOW.plusSeconds(10));
        assertRefused(() -> event.close(NOW.plusSeconds(20)), ErrorCode.CONFLICT, "event.close.closed");
        assertRefused(() -> event.reschedule(terms(1, NOW.plusSeconds(100), NOW.plusSeconds(200)), NOW.plusSeconds(20)),
                ErrorCode.BUSINESS_RULE_VIOLATED, "event.edit.closed");
    }

    @Test
    void anEventPastItsClosingTimeCannotBeClosedAgain() {
        FcfsEvent event = FcfsEvent.schedule(terms(100, NOW.minusSeconds(60), NOW.plusSeconds(60)), NOW);

        assertRefused(() -> event.close(NOW.plusSeconds(60)), ErrorCode.CONFLICT, "event.close.closed");
    }

    @Test
    void termsOutsideTheRulesAreRefusedNamingTheField() {
        assertField(() -> FcfsEvent.schedule(terms(0, NOW, NOW.plusSeconds(60)), NOW), "quantity");
        assertField(() -> FcfsEvent.schedule(terms(1_000_001, NOW, NOW.plusSeconds(60)), NOW), "quantity");
        assertField(() -> FcfsEvent.schedule(terms(10, NOW.plusSeconds(60), NOW.plusSeconds(60)), NOW), "closesAt");
        assertField(() -> FcfsEvent.schedule(terms(10, NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(1)), NOW),
                "closesAt");
        assertField(() -> FcfsEvent.schedule(new EventTerms("t", "", 0, 10, NOW, NOW.plusSeconds(60)), NOW),
                "prizePoints");
    }

    private static EventTerms terms(int quantity, Instant opensAt, Instant closesAt) {
        return new EventTerms("블랙프라이데이 선착순", "설명", 10_000, quantity, opensAt, closesAt);
    }

    private static EventSnapshot snapshot(FcfsEvent event) {
        return new EventSnapshot(1, event.title(), event.description(), event.prizePoints(), event.quantity(),
                event.opensAt(), event.closesAt(), event.closedAt(), event.createdAt(), event.updatedAt(), 0);
    }

    private static void assertRefused(Runnable action, ErrorCode code, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ShopException.class, ex -> {
            assertThat(ex.code()).isEqualTo(code);
            assertThat(ex.messageKey()).isEqualTo(messageKey);
        });
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ShopException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(ex.fields()).containsOnlyKeys(field);
        });
    }
}
