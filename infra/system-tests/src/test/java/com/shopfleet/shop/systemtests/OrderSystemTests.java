package com.shopfleet.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The checkout saga across services, through the gateway: the order service prices from its
 * replica of the catalog's products, the catalog reserves stock from OrderPlaced, the order is
 * confirmed and paid; a cancel gives the stock and the points back (issue: Orders).
 */
class OrderSystemTests {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 9_000_000));
    private static final Map<String, Object> SHIPPING = Map.of("recipientName", "김민수", "phone", "010-1234-5678",
            "zipCode", "06236", "address1", "서울특별시 강남구 테헤란로 123", "address2", "4층",
            "deliveryRequest", "문 앞에 놓아 주세요");

    @BeforeAll
    static void startFleet() {
        RunningFleet.stack();
    }

    @Test
    void aCardOrderIsConfirmedByTheCatalogAndPaid() {
        Shopper buyer = signedInShopper();
        long productId = anOnSaleProduct(buyer);
        assertThat(buyer.post("/api/cart/items", Map.of("productId", productId, "quantity", 1)).status())
                .isIn(200, 201);

        Http.Reply placed = placeOrder(buyer, productId, "CARD", UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.response().body()).isEqualTo(202);
        long orderId = placed.body().at("/data/orderId").asLong();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(buyer.get("/api/orders/" + orderId).body().at("/data/status").asString()).isEqualTo("PAID"));
        assertThat(buyer.get("/api/cart/count").body().at("/data/count").asInt()).as("ordered lines leave the cart").isZero();
    }

    @Test
    void aCancelledOrderGivesThePointsBackAndNobodyElseSeesIt() {
        Shopper buyer = signedInShopper();
        long productId = anOnSaleProduct(buyer);
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(buyer) > 0); // the signup bonus
        long before = balance(buyer);

        Http.Reply placed = buyer.send(HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + "/api/orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(BodyPublishers.ofString(Shopper.JSON.writeValueAsString(Map.of(
                        "items", List.of(Map.of("productId", productId, "quantity", 1)), "shipping", SHIPPING,
                        "paymentMethod", "BANK_TRANSFER", "usePoints", 1_000)))));
        assertThat(placed.status()).as(placed.response().body()).isEqualTo(202);
        long orderId = placed.body().at("/data/orderId").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(buyer.get("/api/orders/" + orderId).body().at("/data/status").asString()).isEqualTo("CONFIRMED"));

        assertThat(signedInShopper().get("/api/orders/" + orderId).status()).as("someone else's order").isEqualTo(404);

        assertThat(buyer.post("/api/orders/" + orderId + "/cancel", Map.of()).status()).isIn(200, 202, 204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(buyer.get("/api/orders/" + orderId).body().at("/data/status").asString()).isEqualTo("CANCELLED");
            assertThat(balance(buyer)).isEqualTo(before);
        });
    }

    @Test
    void checkoutWithoutAnIdempotencyKeyOrWithBadLinesIsA400() {
        Shopper buyer = signedInShopper();
        long productId = anOnSaleProduct(buyer);
        Http.Reply noKey = buyer.post("/api/orders", Map.of("items", List.of(Map.of("productId", productId, "quantity", 1)),
                "shipping", SHIPPING, "paymentMethod", "CARD"));
        assertThat(noKey.status()).isEqualTo(400);
        Http.Reply zero = placeOrder(buyer, productId, "CARD", UUID.randomUUID().toString(), 0);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.code()).isEqualTo("VALIDATION_FAILED");
    }

    private static Http.Reply placeOrder(Shopper buyer, long productId, String paymentMethod, String key) {
        return placeOrder(buyer, productId, paymentMethod, key, 1);
    }

    private static Http.Reply placeOrder(Shopper buyer, long productId, String paymentMethod, String key, int quantity) {
        return buyer.send(HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + "/api/orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(BodyPublishers.ofString(Shopper.JSON.writeValueAsString(Map.of(
                        "items", List.of(Map.of("productId", productId, "quantity", quantity)), "shipping", SHIPPING,
                        "paymentMethod", paymentMethod, "usePoints", 0)))));
    }

    private static long balance(Shopper buyer) {
        return buyer.get("/api/points").body().at("/data/balance").asLong();
    }

    /** An on-sale product of the demo catalog that the order service's replica already knows. */
    private static long anOnSaleProduct(Shopper buyer) {
        JsonNode products = buyer.get("/api/products?sort=newest&size=50").body().at("/data/content");
        for (JsonNode product : products) {
            if ("ON_SALE".equals(product.path("status").asString("ON_SALE"))) {
                long id = product.get("id").asLong();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                        buyer.get("/api/cart").status() == 200
                                && buyer.post("/api/cart/items", Map.of("productId", id, "quantity", 1)).status() < 300);
                buyer.delete("/api/cart/items/" + id);
                return id;
            }
        }
        throw new AssertionError("no product on sale in " + products);
    }

    private static Shopper signedInShopper() {
        Shopper shopper = new Shopper();
        String email = "buyer-" + UUID.randomUUID() + "@shop.test";
        int n = PHONES.incrementAndGet();
        assertThat(shopper.signup(email, "Secret-123", "김구매", String.format("010-%04d-%04d", (n / 10_000) % 10_000, n % 10_000))
                .status()).isEqualTo(201);
        assertThat(shopper.login(email, "Secret-123", false).status()).isEqualTo(200);
        return shopper;
    }
}
