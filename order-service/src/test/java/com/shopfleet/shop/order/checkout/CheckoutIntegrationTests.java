package com.shopfleet.shop.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.order.testing.Api;
import com.shopfleet.shop.order.testing.IntegrationTest;

class CheckoutIntegrationTests extends IntegrationTest {

    @Test
    void theServerPricesTheOrderHoldsThePointsAndPublishesOrderPlaced() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        long battery = onSale("고속 충전 보조배터리 10000mAh", 24_900);
        givePoints(buyer, 7_000);

        var reply = api.as(buyer).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/orders", checkoutBody("CARD", 5_000, 179_950L, earphones, 1, battery, 2)).assertOk(202);

        long orderId = reply.data().get("orderId").asLong();
        assertThat(reply.data().get("status").asString()).isEqualTo("PENDING");
        assertThat(reply.data().get("orderNumber").asString()).matches("SF\\d{6}-[2-9A-HJ-NP-Z]{6}");
        assertThat(reply.response().headers().firstValue("Location")).hasValue("/api/orders/" + orderId);

        var placed = events.await("OrderPlaced", orderId);
        assertThat(placed.typeHeader()).isEqualTo("OrderPlaced");
        JsonNode amounts = placed.payload().get("amounts");
        assertThat(amounts.get("goodsTotal").asLong()).isEqualTo(184_950);
        assertThat(amounts.get("shippingFee").asLong()).isZero();
        assertThat(amounts.get("pointsUsed").asLong()).isEqualTo(5_000);
        assertThat(amounts.get("paymentAmount").asLong()).isEqualTo(179_950);
        assertThat(placed.payload().get("lines")).hasSize(2);
        assertThat(placed.payload().at("/lines/1/lineTotal").asLong()).isEqualTo(49_800);
        assertSameShape(placed.envelope(), jsonMapper.readTree(GoldenFiles.eventJson("OrderPlaced")));

        assertThat(wallet.balance(buyer).balance()).isEqualTo(2_000);
        assertThat(wallet.balance(buyer).held()).isEqualTo(5_000);
        assertThat(status(buyer, orderId)).isEqualTo("PENDING");
    }

    @Test
    void shippingCostsTheConfiguredFeeBelowTheFreeShippingTotal() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);

        long orderId = placeOrder(buyer, checkoutBody("BANK_TRANSFER", 0, 12_900L, cable, 1));

        JsonNode amounts = api.as(buyer).get("/api/orders/" + orderId).assertOk(200).data().get("amounts");
        assertThat(amounts.get("goodsTotal").asLong()).isEqualTo(9_900);
        assertThat(amounts.get("shippingFee").asLong()).isEqualTo(3_000);
        assertThat(amounts.get("paymentAmount").asLong()).isEqualTo(12_900);
    }

    @Test
    void aStaleExpectedTotalIsRefusedWithTheNewBreakdownAndPlacesNothing() {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        String key = UUID.randomUUID().toString();

        var refused = api.as(buyer).header("Idempotency-Key", key)
                .post("/api/orders", checkoutBody("CARD", 0, 159_000L, earphones, 1)).assertError(409, "PRICE_CHANGED");

        assertThat(refused.body().at("/data/paymentAmount").asLong()).isEqualTo(135_150);
        assertThat(refused.body().at("/data/lines/0/unitSalePrice").asLong()).isEqualTo(135_150);
        assertThat(api.as(buyer).get("/api/orders").data().at("/page/totalElements").asLong()).isZero();

        // the key was not used up: the corrected request goes through with it
        api.as(buyer).header("Idempotency-Key", key)
                .post("/api/orders", checkoutBody("CARD", 0, 135_150L, earphones, 1)).assertOk(202);
    }

    @Test
    void unknownAndDeletedProductsAre404HiddenAndSoldOutAre422() {
        long buyer = newId();
        long deleted = onSale("단종 상품", 10_000);
        changeProduct(deleted, "단종 상품", 10_000, "ON_SALE", true, 2);
        long hidden = onSale("숨김 상품", 10_000);
        changeProduct(hidden, "숨김 상품", 10_000, "HIDDEN", false, 2);
        long soldOut = onSale("품절 상품", 10_000);
        changeProduct(soldOut, "품절 상품", 10_000, "SOLD_OUT", false, 2);

        checkout(buyer, checkoutBody("CARD", 0, null, 987_654_321L, 1)).assertError(404, "NOT_FOUND");
        var deletedReply = checkout(buyer, checkoutBody("CARD", 0, null, deleted, 1)).assertError(404, "NOT_FOUND");
        assertThat(deletedReply.field("items[0].productId")).isEqualTo("상품을 찾을 수 없습니다.");
        checkout(buyer, checkoutBody("CARD", 0, null, hidden, 1)).assertError(422, "BUSINESS_RULE_VIOLATED");
        checkout(buyer, checkoutBody("CARD", 0, null, soldOut, 1)).assertError(422, "OUT_OF_STOCK");
    }

    @Test
    void pointsBeyondTheBalanceOrTheGoodsTotalAreRefused() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        givePoints(buyer, 20_000);

        checkout(buyer, checkoutBody("CARD", 10_000, null, cable, 1)).assertError(422, "BUSINESS_RULE_VIOLATED");
        long poorBuyer = newId();
        var reply = checkout(poorBuyer, checkoutBody("CARD", 1_000, null, cable, 1))
                .assertError(422, "BUSINESS_RULE_VIOLATED");
        assertThat(reply.field("usePoints")).isEqualTo("포인트 잔액이 부족합니다.");
        assertThat(wallet.balance(buyer).balance()).isEqualTo(20_000);
    }

    @Test
    void badInputIsA400Envelope() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);

        assertThat(checkout(buyer, checkoutBody("CARD", 0, null, cable, 0)).assertError(400, "VALIDATION_FAILED")
                .field("items[0].quantity")).isNotBlank();
        checkout(buyer, checkoutBody("CARD", 0, null, cable, 100)).assertError(400, "VALIDATION_FAILED");
        assertThat(checkout(buyer, checkoutBody("CASH", 0, null, cable, 1)).assertError(400, "VALIDATION_FAILED")
                .field("paymentMethod")).isNotBlank();
        assertThat(checkout(buyer, checkoutBody("CARD", -1, null, cable, 1)).assertError(400, "VALIDATION_FAILED")
                .field("usePoints")).isNotBlank();
        String noRecipient = checkoutBody("CARD", 0, null, cable, 1).replace("\"recipientName\":\"김민수\",", "");
        assertThat(checkout(buyer, noRecipient).assertError(400, "VALIDATION_FAILED").field("shipping.recipientName"))
                .isEqualTo("필수 입력값입니다.");
        String noShipping = "{\"items\":[{\"productId\":" + cable + ",\"quantity\":1}],\"paymentMethod\":\"CARD\"}";
        assertThat(checkout(buyer, noShipping).assertError(400, "VALIDATION_FAILED").field("shipping")).isNotBlank();
        checkout(buyer, checkoutBody("CARD", 0, null, cable, 1).replace("\"06236\"", "\"6236\""))
                .assertError(400, "VALIDATION_FAILED");
        long[] tooMany = new long[102];
        for (int i = 0; i < 51; i++) {
            tooMany[2 * i] = cable + i;
            tooMany[2 * i + 1] = 1;
        }
        assertThat(checkout(buyer, checkoutBody("CARD", 0, null, tooMany)).assertError(400, "VALIDATION_FAILED")
                .field("items")).isNotBlank();
        assertThat(checkout(buyer, checkoutBody("CARD", 0, null, cable, 1, cable, 2))
                .assertError(400, "VALIDATION_FAILED").field("items")).isNotBlank();
        checkout(buyer, "{\"items\": [").assertError(400, "MALFORMED_REQUEST");
        checkout(buyer, "{\"items\":[{\"productId\":\"abc\",\"quantity\":1}]}").assertError(400, "MALFORMED_REQUEST");
        var noKey = api.as(buyer).post("/api/orders", checkoutBody("CARD", 0, null, cable, 1))
                .assertError(400, "VALIDATION_FAILED");
        assertThat(noKey.field("Idempotency-Key")).isNotBlank();
        api.as(buyer).header("Idempotency-Key", "has spaces in it").post("/api/orders", checkoutBody("CARD", 0, null,
                cable, 1)).assertError(400, "VALIDATION_FAILED");

        assertThat(api.as(buyer).get("/api/orders").data().at("/page/totalElements").asLong()).isZero();
    }

    @Test
    void theSameKeyAndBodyReplayTheOrderAndAnotherBodyIsRefused() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody("CARD", 0, null, cable, 1);

        var first = api.as(buyer).header("Idempotency-Key", key).post("/api/orders", body).assertOk(202);
        var again = api.as(buyer).header("Idempotency-Key", key).post("/api/orders", body).assertOk(202);

        assertThat(again.data()).isEqualTo(first.data());
        api.as(buyer).header("Idempotency-Key", key).post("/api/orders", checkoutBody("CARD", 0, null, cable, 2))
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
        // keys are per user: another buyer may use the same one
        long otherBuyer = newId();
        var other = api.as(otherBuyer).header("Idempotency-Key", key).post("/api/orders", body).assertOk(202);
        assertThat(other.data().get("orderId").asLong()).isNotEqualTo(first.data().get("orderId").asLong());
        assertThat(api.as(buyer).get("/api/orders").data().at("/page/totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void twentyParallelRequestsWithOneKeyPlaceOneOrder() throws Exception {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody("CARD", 0, null, cable, 1);
        Api.As client = api.as(buyer).header("Idempotency-Key", key);

        List<Api.Reply> replies = inParallel(20, () -> client.post("/api/orders", body));

        List<Long> orderIds = new ArrayList<>();
        for (Api.Reply reply : replies) {
            if (reply.status() == 202) {
                orderIds.add(reply.data().get("orderId").asLong());
            }
            else {
                reply.assertError(409, "IDEMPOTENCY_IN_PROGRESS");
            }
        }
        assertThat(orderIds).isNotEmpty();
        assertThat(orderIds).allMatch(id -> id.equals(orderIds.getFirst()));
        var retry = client.post("/api/orders", body).assertOk(202);
        assertThat(retry.data().get("orderId").asLong()).isEqualTo(orderIds.getFirst());
        assertThat(api.as(buyer).get("/api/orders").data().at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(events.about(orderIds.getFirst(), "OrderPlaced")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void twoConcurrentOrdersSpendingTheSamePointsLeaveOneStandingAndTheBalanceNeverNegative() throws Exception {
        long buyer = newId();
        long earphones = onSale("노이즈캔슬링 무선 이어폰", 135_150);
        givePoints(buyer, 10_000);
        String body = checkoutBody("CARD", 10_000, null, earphones, 1);

        List<Api.Reply> replies = inParallel(2, () -> api.as(buyer).header("Idempotency-Key",
                UUID.randomUUID().toString()).post("/api/orders", body));

        assertThat(replies).filteredOn(reply -> reply.status() == 202).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 202)
                .singleElement().satisfies(reply -> reply.assertError(422, "BUSINESS_RULE_VIOLATED"));
        assertThat(wallet.balance(buyer).balance()).isZero();
        assertThat(wallet.balance(buyer).held()).isEqualTo(10_000);
    }

    @Test
    void orderedLinesLeaveTheCartOthersStay() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long case_ = onSale("투명 케이스", 12_000);
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":2}").assertOk(200);
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + case_ + ",\"quantity\":1}").assertOk(200);

        placeOrder(buyer, checkoutBody("CARD", 0, null, cable, 2));

        await().atMost(Duration.ofSeconds(10)).until(() -> api.as(buyer).get("/api/cart").data().get("lines").size() == 1);
        JsonNode lines = api.as(buyer).get("/api/cart").assertOk(200).data().get("lines");
        assertThat(lines.get(0).get("productId").asLong()).isEqualTo(case_);
    }

    private Api.Reply checkout(long buyer, String body) {
        return api.as(buyer).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/orders", body);
    }

    private static <T> List<T> inParallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
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
        finally {
            pool.shutdownNow();
        }
    }

    /** The produced envelope has exactly the golden file's fields, recursively (arrays: their first element). */
    static void assertSameShape(JsonNode actual, JsonNode golden) {
        assertThat(actual.isObject()).isEqualTo(golden.isObject());
        if (golden.isObject()) {
            assertThat(actual.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
            for (String name : golden.propertyNames()) {
                assertSameShape(actual.get(name), golden.get(name));
            }
        }
        else if (golden.isArray() && !golden.isEmpty() && !actual.isEmpty()) {
            assertSameShape(actual.get(0), golden.get(0));
        }
    }
}
