package com.shopfleet.shop.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.events.order.OrderLine;

class StockReservationsTests {

    static OrderLine line(long productId, int quantity) {
        return new OrderLine(1, productId, "상품", quantity, 1_000, 1_000L * quantity);
    }

    @Test
    void linesAreMergedPerProductInAscendingIdOrder() {
        assertThat(StockReservations.merge(List.of(line(9, 1), line(3, 2), line(9, 4))))
                .containsExactly(Map.entry(3L, 2), Map.entry(9L, 5));
    }

    @Test
    void anOrderWithoutLinesOrWithANonPositiveQuantityIsMalformed() {
        assertThatThrownBy(() -> StockReservations.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StockReservations.merge(List.of(line(1, 0)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReservationMovesOnlyForwardAndReleasesWhatItHolds() {
        StockReservation reservation = StockReservation.pending(1, 2, Instant.now());
        reservation.reserved(List.of(new ReservedLine(3, 1)), Instant.now());

        assertThat(reservation.sell(Instant.now())).isTrue();
        assertThat(reservation.sell(Instant.now())).isFalse();
        assertThat(reservation.release(Instant.now())).isEqualTo(ReservationStatus.SOLD);
        assertThat(reservation.release(Instant.now())).isNull();
        assertThatThrownBy(() -> reservation.rejected(Instant.now())).isInstanceOf(IllegalStateException.class);
    }
}
