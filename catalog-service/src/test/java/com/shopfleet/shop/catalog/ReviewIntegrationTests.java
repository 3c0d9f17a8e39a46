package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Reviews by buyers of delivered items, their aggregates, and what a withdrawal leaves of them. */
@CatalogIntegrationTest
class ReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    EmbeddedKafkaBroker broker;

    Http http;
    KafkaProbe kafka;
    Orders orders;
    long product;
    long buyer;
    long orderItem;

    static long nextUser = 20_000 + System.nanoTime() % 10_000 * 10;

    static synchronized long newUser() {
        return ++nextUser;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        kafka = new KafkaProbe(broker, jsonMapper);
        orders = new Orders(jsonMapper);
        product = fixtures.product(fixtures.tree("리뷰").leaf(), "리뷰 상품", 30_000, 0, 100);
        buyer = newUser();
        orderItem = deliver(buyer, product);
    }

    /** An order of one item delivered to {@code user}, through Kafka; answers the order item id. */
    long deliver(long user, long productId) {
        long orderId = Orders.nextOrderId();
        long item = orderId * 10;
        kafka.send(Topics.ORDER_ORDER, orders.delivered(orderId, user, item, productId));
        return item;
    }

    static String token(long userId, String name) {
        return Http.token(new ShopIdentity(userId, Role.USER, name, Locale.KOREAN, "203.0.113.9", "s-" + userId,
                Instant.now()));
    }

    Http.Reply write(long user, String name, long item, int rating, String content) {
        return http.post("/api/products/" + product + "/reviews",
                Map.of("orderItemId", item, "rating", rating, "content", content), token(user, name));
    }

    /** Writes once the delivery has been consumed (it arrives asynchronously, through Kafka). */
    JsonNode writeWhenDelivered(long user, String name, long item, int rating, String content) {
        List<JsonNode> written = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Reply reply = write(user, name, item, rating, content);
            if (reply.status() == 201) {
                written.add(reply.data());
                return true;
            }
            return false;
        });
        return written.getFirst();
    }

    @Test
    void theBuyerOfADeliveredItemReviewsItOnceUnderAMaskedName() {
        JsonNode review = writeWhenDelivered(buyer, "김민수", orderItem, 4, "소리가 아주 좋아요. 추천합니다!");

        assertThat(review.get("authorName").asString()).isEqualTo("김*수");
        assertThat(review.get("rating").asInt()).isEqualTo(4);

        write(buyer, "김민수", orderItem, 5, "두 번째 리뷰를 써 봅니다.").expectError(409, "CONFLICT");

        JsonNode detail = http.get("/api/products/" + product).expect(200).data();
        assertThat(detail.get("reviewCount").asInt()).isEqualTo(1);
        assertThat(detail.get("ratingAverage").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(detail.at("/ratingHistogram/4").asLong()).isEqualTo(1);
        assertThat(detail.at("/ratingHistogram/5").asLong()).isZero();
        assertThat(detail.at("/reviews/content/0/authorName").asString()).isEqualTo("김*수");
    }

    @Test
    void nonBuyersUndeliveredItemsAndBadRatingsAreRefused() {
        writeWhenDelivered(buyer, "김민수", orderItem, 5, "배송이 빨라서 좋았어요.");
        long stranger = newUser();

        write(stranger, "이영희", orderItem, 5, "남의 주문으로 써 봅니다.").expectError(422, "BUSINESS_RULE_VIOLATED");
        write(buyer, "김민수", 987_654_321L, 5, "배송 안 된 주문입니다.").expectError(422, "BUSINESS_RULE_VIOLATED");
        assertThat(write(buyer, "김민수", orderItem, 6, "별점이 여섯 개입니다.").expectError(400, "VALIDATION_FAILED")
                .field("rating")).isNotNull();
        assertThat(write(buyer, "김민수", orderItem, 3, "짧아요").expectError(400, "VALIDATION_FAILED").field("content"))
                .isNotNull();
        assertThat(write(buyer, "김민수", orderItem, 3, " \u0000\u0001         ").expectError(400, "VALIDATION_FAILED")
                .field("content")).isNotNull();
        http.post("/api/products/" + product + "/reviews",
                Map.of("orderItemId", orderItem, "rating", 5, "content", "로그인 없이 써 봅니다."), null)
                .expectError(401, "UNAUTHENTICATED");
        http.post("/api/products/987654321/reviews",
                Map.of("orderItemId", orderItem, "rating", 5, "content", "없는 상품에 씁니다."), token(buyer, "김민수"))
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void authorsEditAndDeleteTheirOwnReviewsOnly() {
        long reviewId = writeWhenDelivered(buyer, "박지성", orderItem, 2, "생각보다 별로였어요.").get("id").asLong();
        String path = "/api/products/" + product + "/reviews/" + reviewId;
        long other = newUser();

        http.put(path, Map.of("rating", 5, "content", "남의 리뷰를 고칩니다."), token(other, "이영희"))
                .expectError(404, "NOT_FOUND");
        http.delete(path, token(other, "이영희")).expectError(404, "NOT_FOUND");

        JsonNode revised = http.put(path, Map.of("rating", 5, "content", "다시 써 보니 아주 좋네요."), token(buyer, "박지성"))
                .expect(200).data();
        assertThat(revised.get("rating").asInt()).isEqualTo(5);
        JsonNode detail = http.get("/api/products/" + product).data();
        assertThat(detail.get("ratingAverage").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(detail.at("/ratingHistogram/2").asLong()).isZero();

        http.delete(path, token(buyer, "박지성")).expect(204);
        detail = http.get("/api/products/" + product).data();
        assertThat(detail.get("reviewCount").asInt()).isZero();
        assertThat(detail.get("ratingAverage").decimalValue()).isEqualByComparingTo("0.0");
    }

    @Test
    void ratingAggregatesStayExactUnderConcurrentReviews() throws Exception {
        int buyers = 24;
        List<long[]> items = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            long user = newUser();
            items.add(new long[] { user, deliver(user, product) });
        }
        long last = items.getLast()[1];
        long lastUser = items.getLast()[0];
        await().atMost(Duration.ofSeconds(30)).until(() -> write(lastUser, "최민호", last, 1, "마지막 구매자의 리뷰입니다.")
                .status() == 201);

        long expectedSum = 1;
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < buyers - 1; i++) {
                long[] pair = items.get(i);
                int rating = i % 5 + 1;
                expectedSum += rating;
                replies.add(pool.submit(() -> write(pair[0], "정우성", pair[1], rating, "동시에 쓰는 리뷰입니다.")));
            }
            for (Future<Http.Reply> reply : replies) {
                reply.get().expect(201);
            }
        }

        JsonNode detail = http.get("/api/products/" + product).expect(200).data();
        assertThat(detail.get("reviewCount").asInt()).isEqualTo(buyers);
        long histogramTotal = 0;
        long histogramSum = 0;
        for (int rating = 1; rating <= 5; rating++) {
            long count = detail.at("/ratingHistogram/" + rating).asLong();
            histogramTotal += count;
            histogramSum += count * rating;
        }
        assertThat(histogramTotal).isEqualTo(buyers);
        assertThat(histogramSum).isEqualTo(expectedSum);
        assertThat(detail.get("ratingAverage").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(expectedSum).divide(BigDecimal.valueOf(buyers), 1,
                        RoundingMode.HALF_UP));
    }

    @Test
    void reviewsArePagedNewestFirstOrByRating() {
        long second = newUser();
        long secondItem = deliver(second, product);
        writeWhenDelivered(buyer, "김민수", orderItem, 2, "첫 번째로 쓴 리뷰입니다.");
        writeWhenDelivered(second, "이영희", secondItem, 5, "두 번째로 쓴 리뷰입니다.");
        String path = "/api/products/" + product + "/reviews";

        JsonNode newest = http.get(path).expect(200).data();
        assertThat(newest.at("/content/0/rating").asInt()).isEqualTo(5);
        assertThat(newest.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(http.get(path + "?sort=rating_asc").data().at("/content/0/rating").asInt()).isEqualTo(2);
        assertThat(http.get(path + "?sort=rating_desc&size=1&page=1").data().at("/content/0/rating").asInt())
                .isEqualTo(2);
        http.get(path + "?sort=best").expectError(400, "VALIDATION_FAILED");
        http.get(path + "?size=51").expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void aWithdrawnUsersReviewsAreAnonymizedAndTheirWishlistEmptied() {
        writeWhenDelivered(buyer, "김민수", orderItem, 5, "탈퇴 전에 남긴 리뷰입니다.");
        String buyerToken = token(buyer, "김민수");
        http.put("/api/wishlist/" + product, null, buyerToken).expect(200);
        EventEnvelope<UserWithdrawn> golden = GoldenFiles.event(UserWithdrawn.TYPE, jsonMapper);
        EventEnvelope<UserWithdrawn> withdrawn = new EventEnvelope<>(UUID.randomUUID(), golden.type(),
                golden.schemaVersion(), Long.toString(buyer), golden.aggregateVersion(), Instant.now(),
                new UserWithdrawn(buyer));

        kafka.send(Topics.AUTH_USER, withdrawn);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/api/products/" + product).data().at("/reviews/content/0/authorName").isNull()).isTrue());
        JsonNode detail = http.get("/api/products/" + product).data();
        assertThat(detail.get("reviewCount").asInt()).as("the rating stays").isEqualTo(1);
        assertThat(http.get("/api/wishlist/" + product, buyerToken).data().get("exists").asBoolean()).isFalse();
        assertThat(http.get("/api/wishlist", buyerToken).data().at("/page/totalElements").asLong()).isZero();
    }
}
