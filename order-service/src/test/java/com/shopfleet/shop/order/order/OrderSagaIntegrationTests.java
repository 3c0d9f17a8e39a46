package com.shopfleet.shop.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.order.payment.internal.LocalPaymentAdapter;
import com.shopfleet.shop.order.testing.IntegrationTest;

/** The checkout saga with the catalog's answers coming over Kafka, and the payment that follows. */
class OrderSagaIntegrationTests extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    LocalPaymentAdapter payments;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDeclinedCardCancelsTheOrderWithStockAndPointsBack() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        givePoints(buyer, 5_000);
        payments.declineUser(buyer);

        long orderId = placeOrder(buyer, checkoutBody("CARD", 5_000, null, earphones, 1));
        reserveStock(orderId, earphones, 1);

        awaitStatus(buyer, orderId, "CANCELLED");
        var cancelled = events.await("OrderCancelled", orderId);
        assertThat(cancelled.payload().get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(cancelled.payload().get("stockReserved").asBoolean()).isTrue();
        assertThat(wallet.balance(buyer).balance()).isEqualTo(5_000);
        assertThat(wallet.balance(buyer).held()).isZero();
        assertThat(events.about(orderId, "OrderPaid")).isEmpty();
    }

    @Test
    void anOutOfStockLineRejectsTheOrderWithItsReasonAndReleasesThePoints() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        long cable = onSale("USB-C 케이블", 9_900);
        givePoints(buyer, 3_000);

        long orderId = placeOrder(buyer, checkoutBody("CARD", 3_000, null, earphones, 3, cable, 1));
        rejectStock(orderId, earphones, 3, 1);

        awaitStatus(buyer, orderId, "REJECTED");
        JsonNode order = api.as(buyer).get("/api/orders/" + orderId).data();
        assertThat(order.get("rejectReason").asString()).isEqualTo("OUT_OF_STOCK");
        JsonNode shortLine = order.get("items").get(0);
        assertThat(shortLine.get("shortOfStock").asBoolean()).isTrue();
        assertThat(shortLine.get("availableQuantity").asInt()).isEqualTo(1);
        assertThat(order.get("items").get(1).get("shortOfStock").asBoolean()).isFalse();
        var rejected = events.await("OrderRejected", orderId);
        assertThat(rejected.payload().get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(wallet.balance(buyer).balance()).isEqualTo(3_000);
        assertThat(wallet.balance(buyer).held()).isZero();
        assertThat(payments.charges()).noneMatch(charge -> charge.orderId() == orderId);
    }

    @Test
    void theSameStockAnswerDeliveredTwiceHasOneEffect() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 1));

        ObjectNode reserved = golden("StockReserved", orderId);
        ObjectNode payload = (ObjectNode) reserved.get("payload");
        payload.put("orderId", orderId);
        payload.putArray("lines").addObject().put("productId", cable).put("quantity", 1);
        send(Topics.CATALOG_STOCK, reserved);
        send(Topics.CATALOG_STOCK, reserved);

        awaitStatus(buyer, orderId, "PAID");
        sleep(Duration.ofMillis(500));
        assertThat(events.about(orderId, "OrderConfirmed")).hasSize(1);
        assertThat(events.about(orderId, "OrderPaid")).hasSize(1);
        assertThat(payments.charges()).filteredOn(charge -> charge.orderId() == orderId).hasSize(1);
    }

    @Test
    void aBankTransferOrderWaitsForStaffToMarkItPaid() {
        long buyer = newId();
        long staff = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long orderId = placeOrder(buyer, checkoutBody("BANK_TRANSFER", 0, null, cable, 1));
        reserveStock(orderId, cable, 1);
        awaitStatus(buyer, orderId, "CONFIRMED");

        JsonNode order = api.as(buyer).get("/api/orders/" + orderId).data();
        assertThat(order.at("/bankTransfer/amount").asLong()).isEqualTo(12_900);
        assertThat(order.at("/bankTransfer/bank").asString()).isNotBlank();
        assertThat(Instant.parse(order.at("/bankTransfer/deadline").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(47)));

        api.as(buyer).post("/api/admin/orders/" + orderId + "/mark-paid").assertError(403, "FORBIDDEN");
        JsonNode paid = api.staff(staff).post("/api/admin/orders/" + orderId + "/mark-paid").assertOk(200).data();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(events.await("OrderPaid", orderId).payload().get("paymentMethod").asString())
                .isEqualTo("BANK_TRANSFER");
        api.staff(staff).post("/api/admin/orders/" + orderId + "/mark-paid").assertError(409, "CONFLICT");
    }

    @Test
    void aBankTransferOrderPastItsDeadlineIsCancelledWithStockAndPointsBack() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        givePoints(buyer, 2_000);
        long orderId = placeOrder(buyer, checkoutBody("BANK_TRANSFER", 2_000, null, earphones, 1));
        reserveStock(orderId, earphones, 1);
        awaitStatus(buyer, orderId, "CONFIRMED");

        lifecycle.cancelOverdueTransfers(Instant.now().plus(Duration.ofHours(47)));
        assertThat(status(buyer, orderId)).isEqualTo("CONFIRMED");
        lifecycle.cancelOverdueTransfers(Instant.now().plus(Duration.ofHours(49)));

        assertThat(status(buyer, orderId)).isEqualTo("CANCELLED");
        var cancelled = events.await("OrderCancelled", orderId);
        assertThat(cancelled.payload().get("reason").asString()).isEqualTo("PAYMENT_DEADLINE_PASSED");
        assertThat(cancelled.payload().get("stockReserved").asBoolean()).isTrue();
        assertThat(wallet.balance(buyer).balance()).isEqualTo(2_000);
        assertThat(wallet.balance(buyer).held()).isZero();
    }

    @Test
    void aPendingOrderWithoutAnswerIsAskedAgainThenRejectedWithEverythingReleased() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        givePoints(buyer, 1_000);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 1_000, null, cable, 1));
        events.await("OrderPlaced", orderId);
        double slowBefore = slow("re_requested");

        lifecycle.sweepPending(Instant.now().plus(Duration.ofSeconds(31)));
        events.await("OrderPlaced", orderId, event -> events.about(orderId, "OrderPlaced").size() >= 2);
        assertThat(status(buyer, orderId)).isEqualTo("PENDING");
        assertThat(slow("re_requested")).isGreaterThan(slowBefore);

        lifecycle.sweepPending(Instant.now().plus(Duration.ofSeconds(62)));
        lifecycle.sweepPending(Instant.now().plus(Duration.ofSeconds(93)));

        assertThat(status(buyer, orderId)).isEqualTo("REJECTED");
        assertThat(events.about(orderId, "OrderPlaced")).hasSize(3);
        assertThat(events.await("OrderRejected", orderId).payload().get("reason").asString())
                .isEqualTo("STOCK_TIMEOUT");
        assertThat(wallet.balance(buyer).balance()).isEqualTo(1_000);

        // the catalog's late answer: the reserved stock is handed back at once, the order stays closed
        reserveStock(orderId, cable, 1);
        var release = events.await("OrderCancelled", orderId);
        assertThat(release.payload().get("stockReserved").asBoolean()).isTrue();
        assertThat(release.payload().get("reason").asString()).isEqualTo("RESERVED_AFTER_CLOSE");
        assertThat(status(buyer, orderId)).isEqualTo("REJECTED");
    }

    @Test
    void theBuyerCancelsAPaidOrderAndGetsMoneyPointsAndStockBack() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        givePoints(buyer, 5_000);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 5_000, null, earphones, 1));
        reserveStock(orderId, earphones, 1);
        awaitStatus(buyer, orderId, "PAID");

        JsonNode cancelled = api.as(buyer).post("/api/orders/" + orderId + "/cancel").assertOk(200).data();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        var event = events.await("OrderCancelled", orderId);
        assertThat(event.payload().get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(event.payload().get("stockReserved").asBoolean()).isTrue();
        assertThat(wallet.balance(buyer).balance()).isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(
                api.as(buyer).get("/api/orders/" + orderId).data().get("paymentStatus").asString()));
        assertThat(payments.refunds()).filteredOn(refund -> refund.orderId() == orderId).hasSize(1);
        api.as(buyer).post("/api/orders/" + orderId + "/cancel").assertError(409, "CONFLICT");
    }

    @Test
    void aPendingOrderCancelledByTheBuyerReleasesStockTheCatalogReservesLater() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 1));

        api.as(buyer).post("/api/orders/" + orderId + "/cancel").assertOk(200);
        assertThat(events.await("OrderCancelled", orderId).payload().get("stockReserved").asBoolean()).isFalse();
        reserveStock(orderId, cable, 1);

        events.await("OrderCancelled", orderId, event -> event.payload().get("stockReserved").asBoolean());
        assertThat(status(buyer, orderId)).isEqualTo("CANCELLED");
        assertThat(payments.charges()).noneMatch(charge -> charge.orderId() == orderId);
    }

    @Test
    void staffShipAndDeliverAPaidOrderAndIllegalStepsAre409() {
        long buyer = newId();
        long staff = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 2));
        api.staff(staff).post("/api/admin/orders/" + orderId + "/ship",
                "{\"carrier\":\"CJ대한통운\",\"trackingNumber\":\"684512379025\"}").assertError(409, "CONFLICT");
        reserveStock(orderId, cable, 2);
        awaitStatus(buyer, orderId, "PAID");

        api.staff(staff).post("/api/admin/orders/" + orderId + "/deliver").assertError(409, "CONFLICT");
        api.staff(staff).post("/api/admin/orders/" + orderId + "/ship", "{\"carrier\":\"\"}")
                .assertError(400, "VALIDATION_FAILED");
        JsonNode shipped = api.staff(staff).post("/api/admin/orders/" + orderId + "/ship",
                "{\"carrier\":\"CJ대한통운\",\"trackingNumber\":\"684512379025\"}").assertOk(200).data();
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        var shippedEvent = events.await("OrderShipped", orderId);
        assertThat(shippedEvent.payload().at("/shippingAddress/zipCode").asString()).isEqualTo("06236");
        assertThat(shippedEvent.payload().get("trackingNumber").asString()).isEqualTo("684512379025");
        var refused = api.as(buyer).post("/api/orders/" + orderId + "/cancel").assertError(409, "CONFLICT");
        assertThat(refused.body().get("message").asString()).isEqualTo("배송 중 상태의 주문은 취소할 수 없습니다.");

        api.staff(staff).post("/api/admin/orders/" + orderId + "/deliver").assertOk(200);
        var delivered = events.await("OrderDelivered", orderId);
        assertThat(delivered.payload().get("items").get(0).get("productId").asLong()).isEqualTo(cable);
        assertThat(status(buyer, orderId)).isEqualTo("DELIVERED");
    }

    @Test
    void buyersSeeOnlyTheirOwnOrdersNewestFirst() {
        long buyer = newId();
        long stranger = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long first = placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 1));
        long second = placeOrder(buyer, checkoutBody("BANK_TRANSFER", 0, null, cable, 2));

        JsonNode page = api.as(buyer).get("/api/orders?size=1").assertOk(200).data();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(page.at("/page/totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("orderId").asLong()).isEqualTo(second);
        assertThat(page.get("content").get(0).get("firstProductName").asString()).isEqualTo("USB-C 케이블");

        api.as(stranger).get("/api/orders/" + first).assertError(404, "NOT_FOUND");
        api.as(stranger).post("/api/orders/" + first + "/cancel").assertError(404, "NOT_FOUND");
        api.as(buyer).get("/api/orders/" + Long.MAX_VALUE).assertError(404, "NOT_FOUND");
        api.as(buyer).get("/api/orders?size=500").assertError(400, "VALIDATION_FAILED");
        assertThat(status(buyer, first)).isEqualTo("PENDING");
    }

    @Test
    void staffFindOrdersByStatusAndTime() {
        long buyer = newId();
        long staff = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        Instant before = Instant.now().minusSeconds(1);
        long orderId = placeOrder(buyer, checkoutBody("BANK_TRANSFER", 0, null, cable, 1));

        JsonNode found = api.staff(staff).get("/api/admin/orders?status=PENDING&from=" + before + "&size=100")
                .assertOk(200).data();
        assertThat(found.get("content").findValues("orderId")).extracting(JsonNode::asLong).contains(orderId);
        JsonNode none = api.staff(staff).get("/api/admin/orders?status=DELIVERED&from=" + before).assertOk(200).data();
        assertThat(none.get("content").findValues("orderId")).extracting(JsonNode::asLong).doesNotContain(orderId);
        JsonNode earlier = api.staff(staff).get("/api/admin/orders?to=" + before).assertOk(200).data();
        assertThat(earlier.get("content").findValues("orderId")).extracting(JsonNode::asLong).doesNotContain(orderId);
        api.staff(staff).get("/api/admin/orders?status=LOST").assertError(400, "VALIDATION_FAILED");
        api.staff(staff).get("/api/admin/orders?from=yesterday").assertError(400, "VALIDATION_FAILED");
        api.as(buyer).get("/api/admin/orders").assertError(403, "FORBIDDEN");
        assertThat(api.staff(staff).get("/api/admin/orders/" + orderId).assertOk(200).data().get("userId").asLong())
                .isEqualTo(buyer);
    }

    @Test
    void aStockAnswerThatCannotBeReadEndsOnTheDeadLetterTopic() {
        long orderId = newId();
        events.sendRaw(Topics.CATALOG_STOCK, Long.toString(orderId),
                "{\"type\": \"StockReserved\", \"payload\": ".getBytes(StandardCharsets.UTF_8),
                "StockReserved");

        String dead = events.awaitRecord(Topics.deadLetter(Topics.CATALOG_STOCK, "order"), Long.toString(orderId));
        assertThat(dead).startsWith("{\"type\": \"StockReserved\"");
    }

    @Test
    void theSagaIsMeasured() throws Exception {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 1));
        reserveStock(orderId, cable, 1);
        awaitStatus(buyer, orderId, "PAID");

        var timer = meters.find("shop.checkout.saga.duration").tag("outcome", "confirmed").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isPositive();
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).contains("shop_orders{", "status=\"PAID\"", "shop_checkout_pending_stuck",
                "shop_checkout_saga_duration_seconds_bucket", "shop_order_transitions_total", "shop_outbox_pending");
    }

    private double slow(String action) {
        var counter = meters.find("shop.checkout.saga.slow").tag("action", action).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
