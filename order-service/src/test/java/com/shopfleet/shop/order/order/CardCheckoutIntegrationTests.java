package com.shopfleet.shop.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.order.testing.IntegrationTest;

class CardCheckoutIntegrationTests extends IntegrationTest {

    @Test
    void aCardOrderIsConfirmedByTheCatalogAndThenPaid() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        givePoints(buyer, 5_000);

        long orderId = placeOrder(buyer, checkoutBody("CARD", 5_000, 130_150L, earphones, 1));
        var placed = events.await("OrderPlaced", orderId);
        assertThat(placed.payload().at("/amounts/paymentAmount").asLong()).isEqualTo(130_150);

        reserveStock(orderId, earphones, 1);

        awaitStatus(buyer, orderId, "PAID");
        events.await("OrderConfirmed", orderId);
        var paid = events.await("OrderPaid", orderId);
        assertThat(paid.payload().get("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(wallet.balance(buyer).balance()).isZero();
        assertThat(wallet.balance(buyer).held()).isZero();
    }
}
