package com.shopfleet.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.localstack.DemoAccounts;

/**
 * The checkout saga across services, through the gateway with the real Kafka and Redis of the local
 * stack: the order service prices from its replica of the catalog's products, the catalog reserves
 * stock from OrderPlaced, the order is confirmed and paid, rejected, cancelled by the buyer or by the
 * bank-transfer deadline — with the stock (read from the catalog's staff API) and the points back
 * (issue: Orders). Each test uses its own buyers and, where stock is counted, its own product.
 */
class OrderSystemTests {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 9_000_000));
    private static final Map<String, Object> SHIPPING = Map.of("recipientName", "김민수", "phone", "010-1234-5678",
            "zipCode", "06236", "address1", "서울특별시 강남구 테헤란로 123", "address2", "4층",
            "deliveryRequest", "문 앞에 놓아 주세요");
    private static final Duration SAGA = Duration.ofSeconds(60);
    /** The price of the products the tests create: one line is enough to spend a whole signup bonus. */
    private static final long PRICE = 12_000;

    private static Shopper staff;
    private static long categoryId;

    @BeforeAll
    static void startFleet() {
        DemoAccounts demo = RunningFleet.stack().context().demoAccounts();
        staff = new Shopper();
        assertThat(staff.login(demo.staff().email(), demo.staff().password(), false).status()).isEqualTo(200);
        JsonNode tree = staff.get("/api/categories").body().get("data");
        JsonNode top = tree.get(0);
        categoryId = top.path("children").isEmpty() ? top.get("id").asLong() : top.get("children").get(0).get("id").asLong();
    }

    @Test
    void aCardOrderIsConfirmedByTheCatalogAndPaid() {
        Shopper buyer = signedInShopper();
        long productId = newProduct(10, buyer);
        assertThat(buyer.post("/api/cart/items", Map.of("productId", productId, "quantity", 1)).status())
                .isIn(200, 201);

        Http.Reply placed = placeOrder(buyer, UUID.randomUUID().toString(), order(productId, 1, "CARD", 0));
        assertThat(placed.status()).as(placed.response().body()).isEqualTo(202);
        long orderId = placed.body().at("/data/orderId").asLong();

        awaitStatus(buyer, orderId, "PAID");
        assertThat(buyer.get("/api/cart/count").body().at("/data/count").asInt()).as("ordered lines leave the cart").isZero();
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(productId)).as("paid: sold")
                .containsEntry("available", 9).containsEntry("reserved", 0).containsEntry("sold", 1));
    }

    @Test
    void aCancelledPaidOrderGivesTheStockAndThePointsBackAndNobodyElseSeesIt() {
        Shopper buyer = signedInShopper();
        long productId = newProduct(10, buyer);
        long before = bonusBalance(buyer);

        long orderId = placed(buyer, order(productId, 3, "CARD", 1_000));
        awaitStatus(buyer, orderId, "PAID");
        assertThat(balance(buyer)).as("points spent").isEqualTo(before - 1_000);
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(productId)).containsEntry("available", 7)
                .containsEntry("sold", 3));

        Shopper someoneElse = signedInShopper();
        assertThat(someoneElse.get("/api/orders/" + orderId).status()).as("someone else's order").isEqualTo(404);
        Http.Reply foreignCancel = someoneElse.post("/api/orders/" + orderId + "/cancel", Map.of());
        assertThat(foreignCancel.status()).as("nor can they cancel it").isEqualTo(404);
        assertThat(foreignCancel.code()).isEqualTo("NOT_FOUND");
        assertThat(someoneElse.get("/api/orders").body().at("/data/content").size()).isZero();

        assertThat(buyer.post("/api/orders/" + orderId + "/cancel", Map.of()).status()).isIn(200, 202, 204);
        awaitStatus(buyer, orderId, "CANCELLED");
        assertThat(order(buyer, orderId).at("/cancelReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(balance(buyer)).as("points back").isEqualTo(before);
        await().atMost(SAGA).untilAsserted(() -> assertThat(order(buyer, orderId).at("/paymentStatus").asString())
                .as("the card payment refunded through the payment port").isEqualTo("REFUNDED"));
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(productId)).as("stock back in the catalog")
                .containsEntry("available", 10).containsEntry("reserved", 0).containsEntry("sold", 0)
                .containsEntry("balanced", 1));
    }

    @Test
    void aBankTransferOrderPastItsDeadlineIsCancelledWithTheStockAndThePointsBack() {
        Shopper buyer = signedInShopper();
        long productId = newProduct(5, buyer);
        long before = bonusBalance(buyer);

        long orderId = placed(buyer, order(productId, 2, "BANK_TRANSFER", 2_000));
        awaitStatus(buyer, orderId, "CONFIRMED");
        JsonNode confirmed = order(buyer, orderId);
        assertThat(confirmed.at("/bankTransfer/amount").asLong()).isEqualTo(2 * PRICE + 3_000 - 2_000);
        assertThat(confirmed.at("/bankTransfer/deadline").asString()).isNotBlank();
        assertThat(balance(buyer)).isEqualTo(before - 2_000);
        Map<String, Integer> held = stock(productId);
        assertThat(held.get("available")).as("the units wait for the money").isEqualTo(3);

        await().atMost(RunningFleet.BANK_TRANSFER_DEADLINE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(order(buyer, orderId).at("/status").asString()).isEqualTo("CANCELLED"));
        assertThat(order(buyer, orderId).at("/cancelReason").asString()).isEqualTo("PAYMENT_DEADLINE_PASSED");
        assertThat(balance(buyer)).isEqualTo(before);
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(productId)).containsEntry("available", 5)
                .containsEntry("reserved", 0).containsEntry("sold", 0));
    }

    @Test
    void anOrderWithALineOutOfStockIsRejectedWholeWithThePointsReleased() {
        Shopper buyer = signedInShopper();
        long plenty = newProduct(50, buyer);
        long scarce = newProduct(1, buyer);
        long before = bonusBalance(buyer);

        Map<String, Object> body = new HashMap<>(order(plenty, 1, "CARD", 3_000));
        body.put("items", List.of(Map.of("productId", plenty, "quantity", 1), Map.of("productId", scarce, "quantity", 2)));
        long orderId = placed(buyer, body);
        awaitStatus(buyer, orderId, "REJECTED");

        JsonNode rejected = order(buyer, orderId);
        assertThat(rejected.at("/rejectReason").asString()).isEqualTo("OUT_OF_STOCK");
        for (JsonNode item : rejected.get("items")) {
            assertThat(item.get("shortOfStock").asBoolean()).as("line of %s", item.get("productId"))
                    .isEqualTo(item.get("productId").asLong() == scarce);
        }
        assertThat(balance(buyer)).as("points released").isEqualTo(before);
        assertThat(stock(plenty)).as("all lines or none").containsEntry("available", 50).containsEntry("reserved", 0);
        assertThat(stock(scarce)).containsEntry("available", 1).containsEntry("reserved", 0);
    }

    @Test
    void twentyParallelRequestsWithOneIdempotencyKeyPlaceOneOrderAndARetryReplaysIt() throws Exception {
        Shopper buyer = signedInShopper();
        long productId = newProduct(50, buyer);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = order(productId, 1, "CARD", 0);

        List<Http.Reply> replies = parallel(20, () -> placeOrder(buyer, key, body));

        List<Long> orderIds = new ArrayList<>();
        for (Http.Reply reply : replies) {
            if (reply.status() == 202) {
                orderIds.add(reply.body().at("/data/orderId").asLong());
            }
            else {
                assertThat(reply.status()).as(reply.response().body()).isEqualTo(409);
                assertThat(reply.code()).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
                assertThat(reply.body().get("success").asBoolean()).isFalse();
            }
        }
        assertThat(orderIds).as("at least the winner answers with the order").isNotEmpty();
        assertThat(orderIds).as("one order").containsOnly(orderIds.getFirst());

        Http.Reply retry = placeOrder(buyer, key, body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().at("/data/orderId").asLong()).as("the replay").isEqualTo(orderIds.getFirst());
        assertThat(buyer.get("/api/orders").body().at("/data/page/totalElements").asLong()).isEqualTo(1);
        awaitStatus(buyer, orderIds.getFirst(), "PAID");
        assertThat(stock(productId)).containsEntry("sold", 1);

        Http.Reply otherBody = placeOrder(buyer, key, order(productId, 2, "CARD", 0));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void twoConcurrentOrdersSpendingTheSamePointsCannotBothHaveThem() throws Exception {
        Shopper buyer = signedInShopper();
        long productId = newProduct(50, buyer);
        long bonus = bonusBalance(buyer);
        assertThat(bonus).isLessThanOrEqualTo(PRICE);

        List<Http.Reply> replies = parallel(2,
                () -> placeOrder(buyer, UUID.randomUUID().toString(), order(productId, 1, "CARD", bonus)));

        assertThat(replies).extracting(Http.Reply::status).containsExactlyInAnyOrder(202, 422);
        Http.Reply refused = replies.stream().filter(reply -> reply.status() == 422).findFirst().orElseThrow();
        assertThat(refused.body().at("/errorDetails/fields/usePoints").isMissingNode()).isFalse();
        JsonNode points = buyer.get("/api/points").body().get("data");
        assertThat(points.get("balance").asLong()).isZero();
        assertThat(points.get("held").asLong()).isEqualTo(bonus);
        assertThat(buyer.get("/api/orders").body().at("/data/page/totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void badCheckoutInputIsA400Envelope() {
        Shopper buyer = signedInShopper();
        long productId = newProduct(10, buyer);

        Map<String, Map<String, Object>> invalid = new LinkedHashMap<>();
        invalid.put("quantity 0", order(productId, 0, "CARD", 0));
        invalid.put("quantity 100", order(productId, 100, "CARD", 0));
        invalid.put("unknown payment method", order(productId, 1, "CASH", 0));
        invalid.put("negative points", order(productId, 1, "CARD", -1));
        Map<String, Object> noRecipient = new HashMap<>(SHIPPING);
        noRecipient.remove("recipientName");
        invalid.put("no recipient", with(order(productId, 1, "CARD", 0), "shipping", noRecipient));
        Map<String, Object> blankAddress = new HashMap<>(SHIPPING);
        blankAddress.put("address1", " ");
        invalid.put("blank address", with(order(productId, 1, "CARD", 0), "shipping", blankAddress));
        Map<String, Object> noShipping = new HashMap<>(order(productId, 1, "CARD", 0));
        noShipping.remove("shipping");
        invalid.put("no shipping", noShipping);
        invalid.put("51 lines", with(order(productId, 1, "CARD", 0), "items", distinctLines(51)));
        invalid.put("no lines", with(order(productId, 1, "CARD", 0), "items", List.of()));

        invalid.forEach((what, body) -> {
            Http.Reply reply = placeOrder(buyer, UUID.randomUUID().toString(), body);
            assertBadRequest(reply, what, "VALIDATION_FAILED");
        });

        Http.Reply malformed = buyer.send(checkout(UUID.randomUUID().toString())
                .POST(BodyPublishers.ofString("{\"items\": [{\"productId\": 1, \"quantity\": ")));
        assertBadRequest(malformed, "malformed JSON", "MALFORMED_REQUEST");

        Http.Reply noKey = buyer.post("/api/orders", order(productId, 1, "CARD", 0));
        assertBadRequest(noKey, "no Idempotency-Key", "VALIDATION_FAILED");

        assertThat(buyer.get("/api/orders").body().at("/data/page/totalElements").asLong()).as("nothing placed").isZero();
    }

    private static void assertBadRequest(Http.Reply reply, String what, String code) {
        assertThat(reply.status()).as(what + ": " + reply.response().body()).isEqualTo(400);
        assertThat(reply.body()).as(what).isNotNull();
        assertThat(reply.body().get("success").asBoolean()).as(what).isFalse();
        assertThat(reply.code()).as(what).isEqualTo(code);
        assertThat(reply.body().get("message").asString()).as(what).isNotBlank();
    }

    /** {@code count} lines of distinct product ids (too many lines is refused before any product is looked up). */
    private static List<Map<String, Object>> distinctLines(int count) {
        return IntStream.rangeClosed(1, count).<Map<String, Object>>mapToObj(i -> Map.of("productId", i, "quantity", 1))
                .toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> order(long productId, int quantity, String paymentMethod, long usePoints) {
        return Map.of("items", List.of(Map.of("productId", productId, "quantity", quantity)), "shipping", SHIPPING,
                "paymentMethod", paymentMethod, "usePoints", usePoints);
    }

    private static long placed(Shopper buyer, Map<String, Object> body) {
        Http.Reply placed = placeOrder(buyer, UUID.randomUUID().toString(), body);
        assertThat(placed.status()).as(placed.response().body()).isEqualTo(202);
        assertThat(placed.body().at("/data/status").asString()).isEqualTo("PENDING");
        return placed.body().at("/data/orderId").asLong();
    }

    private static Http.Reply placeOrder(Shopper buyer, String key, Map<String, Object> body) {
        return buyer.send(checkout(key).POST(BodyPublishers.ofString(Shopper.JSON.writeValueAsString(body))));
    }

    private static HttpRequest.Builder checkout(String key) {
        return HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + "/api/orders"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key);
    }

    private static JsonNode order(Shopper buyer, long orderId) {
        Http.Reply reply = buyer.get("/api/orders/" + orderId);
        assertThat(reply.status()).as(reply.response().body()).isEqualTo(200);
        return reply.body().get("data");
    }

    private static void awaitStatus(Shopper buyer, long orderId, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(order(buyer, orderId).at("/status").asString()).isEqualTo(status));
    }

    private static long balance(Shopper buyer) {
        return buyer.get("/api/points").body().at("/data/balance").asLong();
    }

    /** The signup bonus, once the order service has credited it from UserRegistered. */
    private static long bonusBalance(Shopper buyer) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(300)).until(() -> balance(buyer) > 0);
        return balance(buyer);
    }

    /** The catalog's stock of a product as staff read it through the gateway; {@code balanced} as 0/1. */
    private static Map<String, Integer> stock(long productId) {
        Http.Reply reply = staff.get("/api/admin/products/" + productId + "/stock");
        assertThat(reply.status()).as(reply.response().body()).isEqualTo(200);
        JsonNode stock = reply.body().at("/data/stock");
        return Map.of("available", stock.get("available").asInt(), "reserved", stock.get("reserved").asInt(),
                "sold", stock.get("sold").asInt(), "balanced", stock.get("balanced").asBoolean() ? 1 : 0);
    }

    /**
     * A product of this test's own (on sale, {@link #PRICE} won, {@code stock} units), created by staff
     * through the gateway; returned once the order service's replica knows it (it can go in a cart).
     */
    private static long newProduct(int stock, Shopper buyer) {
        Map<String, Object> product = new HashMap<>();
        product.put("name", "시스템 테스트 상품 " + UUID.randomUUID().toString().substring(0, 8));
        product.put("brand", "샵플릿");
        product.put("categoryId", categoryId);
        product.put("titleImage", "/images/system-test.png");
        product.put("description", "주문 시스템 테스트용 상품");
        product.put("price", PRICE);
        product.put("discountRate", 0);
        product.put("status", "ON_SALE");
        product.put("initialStock", stock);
        Http.Reply created = staff.post("/api/admin/products", product);
        assertThat(created.status()).as(created.response().body()).isEqualTo(201);
        long id = created.body().at("/data/id").asLong();
        await().atMost(SAGA).pollInterval(Duration.ofMillis(300)).until(() ->
                buyer.post("/api/cart/items", Map.of("productId", id, "quantity", 1)).status() < 300);
        buyer.delete("/api/cart/items/" + id);
        return id;
    }

    /** Runs {@code call} on {@code count} threads released at the same moment. */
    private static <T> List<T> parallel(int count, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
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
