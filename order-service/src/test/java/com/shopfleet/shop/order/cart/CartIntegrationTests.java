package com.shopfleet.shop.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.order.testing.IntegrationTest;

class CartIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void addingTwiceAddsUpAndTheCartShowsCurrentPricesAndTotals() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        long case_ = onSale("투명 케이스", 12_000);

        add(buyer, cable, 1);
        add(buyer, cable, 2);
        JsonNode cart = add(buyer, case_, 1);

        JsonNode lines = cart.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("productId").asLong()).isEqualTo(case_);
        JsonNode cableLine = lines.get(1);
        assertThat(cableLine.get("quantity").asInt()).isEqualTo(3);
        assertThat(cableLine.get("unitPrice").asLong()).isEqualTo(9_900);
        assertThat(cableLine.get("lineTotal").asLong()).isEqualTo(29_700);
        assertThat(cableLine.get("name").asString()).isEqualTo("USB-C 케이블");
        assertThat(cableLine.get("available").asBoolean()).isTrue();
        assertThat(cableLine.get("priceChanged").asBoolean()).isFalse();
        assertThat(cart.at("/summary/goodsTotal").asLong()).isEqualTo(41_700);
        assertThat(cart.at("/summary/shippingFee").asLong()).isEqualTo(3_000);
        assertThat(cart.at("/summary/total").asLong()).isEqualTo(44_700);
        assertThat(api.as(buyer).get("/api/cart/count").assertOk(200).data().get("count").asLong()).isEqualTo(2);
        assertThat(api.as(newId()).get("/api/cart").assertOk(200).data().get("lines")).isEmpty();
    }

    @Test
    void quantitiesCanBeChangedAndLinesRemovedOneOrSeveralAtATime() {
        long buyer = newId();
        long a = onSale("상품 A", 1_000);
        long b = onSale("상품 B", 2_000);
        long c = onSale("상품 C", 3_000);
        add(buyer, a, 1);
        add(buyer, b, 1);
        add(buyer, c, 1);

        JsonNode changed = api.as(buyer).put("/api/cart/items/" + a, "{\"quantity\":5}").assertOk(200).data();
        assertThat(line(changed, a).get("quantity").asInt()).isEqualTo(5);
        api.as(buyer).put("/api/cart/items/" + newId(), "{\"quantity\":5}").assertError(404, "NOT_FOUND");

        JsonNode afterOne = api.as(buyer).delete("/api/cart/items/" + b).assertOk(200).data();
        assertThat(afterOne.get("lines")).hasSize(2);
        JsonNode afterSeveral = api.as(buyer).delete("/api/cart/items?productIds=" + a + "," + c).assertOk(200).data();
        assertThat(afterSeveral.get("lines")).isEmpty();
        api.as(buyer).delete("/api/cart/items").assertError(400, "VALIDATION_FAILED");
        api.as(buyer).delete("/api/cart/items?productIds=x").assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void unknownProductsAre404HiddenOrSoldOutAre422AndBadQuantitiesAre400() {
        long buyer = newId();
        long hidden = onSale("숨김 상품", 1_000);
        changeProduct(hidden, "숨김 상품", 1_000, "HIDDEN", false, 2);
        long soldOut = onSale("품절 상품", 1_000);
        changeProduct(soldOut, "품절 상품", 1_000, "SOLD_OUT", false, 2);
        long cable = onSale("USB-C 케이블", 9_900);

        api.as(buyer).post("/api/cart/items", "{\"productId\":" + newId() + ",\"quantity\":1}")
                .assertError(404, "NOT_FOUND");
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + hidden + ",\"quantity\":1}")
                .assertError(422, "BUSINESS_RULE_VIOLATED");
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + soldOut + ",\"quantity\":1}")
                .assertError(422, "OUT_OF_STOCK");
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":0}")
                .assertError(400, "VALIDATION_FAILED");
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":100}")
                .assertError(400, "VALIDATION_FAILED");
        api.as(buyer).post("/api/cart/items", "{\"productId\":" + cable + "}").assertError(400, "VALIDATION_FAILED");
        api.as(buyer).post("/api/cart/items", "{\"productId\":").assertError(400, "MALFORMED_REQUEST");
        add(buyer, cable, 1);
        api.as(buyer).put("/api/cart/items/" + cable, "{\"quantity\":100}").assertError(400, "VALIDATION_FAILED");
        api.as(buyer).put("/api/cart/items/" + cable, "{\"quantity\":0}").assertError(400, "VALIDATION_FAILED");
        add(buyer, cable, 98);
        var tooMany = api.as(buyer).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":1}")
                .assertError(422, "BUSINESS_RULE_VIOLATED");
        assertThat(tooMany.body().get("message").asString()).isEqualTo("한 상품은 최대 99개까지 담을 수 있습니다.");
    }

    @Test
    void aCartHoldsFiftyLinesEvenUnderConcurrentAdds() throws Exception {
        long buyer = newId();
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            products.add(onSale("상품 " + i, 1_000 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (long product : products) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.as(buyer).post("/api/cart/items", "{\"productId\":" + product + ",\"quantity\":1}")
                            .status();
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> status : statuses) {
                ok += status.get() == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(50);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(api.as(buyer).get("/api/cart/count").data().get("count").asLong()).isEqualTo(50);
        var full = api.as(buyer).post("/api/cart/items", "{\"productId\":" + products.getLast() + ",\"quantity\":1}");
        if (full.status() != 200) {
            full.assertError(422, "BUSINESS_RULE_VIOLATED");
        }
    }

    @Test
    void concurrentAddsOfOneProductAllCount() throws Exception {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(pool.submit(() -> api.as(buyer)
                        .post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":3}").status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(line(api.as(buyer).get("/api/cart").data(), cable).get("quantity").asInt()).isEqualTo(30);
    }

    @Test
    void productsThatChangeLaterAreFlaggedAndNeverBreakTheCart() {
        long buyer = newId();
        long repriced = onSale("가격 변경 상품", 10_000);
        long deleted = onSale("삭제될 상품", 5_000);
        long soldOut = onSale("품절될 상품", 7_000);
        add(buyer, repriced, 1);
        add(buyer, deleted, 2);
        add(buyer, soldOut, 1);

        changeProduct(repriced, "가격 변경 상품", 8_000, "ON_SALE", false, 2);
        changeProduct(deleted, "삭제될 상품", 5_000, "ON_SALE", true, 2);
        changeProduct(soldOut, "품절될 상품", 7_000, "SOLD_OUT", false, 2);
        redis.opsForHash().put(CartStore.key(buyer), "not-a-product", "garbage");

        JsonNode cart = api.as(buyer).get("/api/cart").assertOk(200).data();
        assertThat(cart.get("lines")).hasSize(3);
        JsonNode repricedLine = line(cart, repriced);
        assertThat(repricedLine.get("priceChanged").asBoolean()).isTrue();
        assertThat(repricedLine.get("priceWhenAdded").asLong()).isEqualTo(10_000);
        assertThat(repricedLine.get("unitPrice").asLong()).isEqualTo(8_000);
        assertThat(line(cart, deleted).get("available").asBoolean()).isFalse();
        assertThat(line(cart, deleted).get("availability").asString()).isEqualTo("DELETED");
        assertThat(line(cart, soldOut).get("availability").asString()).isEqualTo("SOLD_OUT");
        assertThat(cart.at("/summary/goodsTotal").asLong()).isEqualTo(8_000);
        assertThat(cart.at("/summary/itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void everyWriteRefreshesTheThirtyDayExpiry() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        add(buyer, cable, 1);
        redis.expire(CartStore.key(buyer), Duration.ofMinutes(1));

        api.as(buyer).put("/api/cart/items/" + cable, "{\"quantity\":2}").assertOk(200);

        assertThat(redis.getExpire(CartStore.key(buyer))).isGreaterThan(Duration.ofDays(29).toSeconds());
    }

    @Test
    void theCartNeedsAnIdentity() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/cart")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private JsonNode add(long buyer, long productId, int quantity) {
        return api.as(buyer).post("/api/cart/items", "{\"productId\":" + productId + ",\"quantity\":" + quantity + "}")
                .assertOk(200).data();
    }

    private static JsonNode line(JsonNode cart, long productId) {
        for (JsonNode line : cart.get("lines")) {
            if (line.get("productId").asLong() == productId) {
                return line;
            }
        }
        throw new AssertionError("no line for " + productId + " in " + cart);
    }
}
