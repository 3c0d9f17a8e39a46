package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.identity.Role;

@CatalogIntegrationTest
class StockAdjustmentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper jsonMapper;

    Http http;
    long product;

    String seller;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        seller = Http.token(701, Role.SELLER); // tokens live 60 s: minted per test
        product = fixtures.product(fixtures.tree("조정").leaf(), "조정 상품", 10_000, 0, 10);
    }

    static Map<String, Object> body(Integer quantity, Integer delta, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("quantity", quantity);
        body.put("delta", delta);
        body.put("reason", reason);
        return body;
    }

    @Test
    void staffSetOrMoveStockWithAReasonAndEveryChangeIsAudited() {
        String path = "/api/admin/products/" + product + "/stock";

        JsonNode added = http.post(path + "/adjustments", body(null, 15, "입고 15개"), seller).expect(201).data();
        assertThat(added.get("kind").asString()).isEqualTo("ADD");
        assertThat(added.get("availableBefore").asInt()).isEqualTo(10);
        assertThat(added.get("availableAfter").asInt()).isEqualTo(25);
        assertThat(added.get("actorId").asLong()).isEqualTo(701);

        JsonNode set = http.post(path + "/adjustments", body(7, null, "재고 실사"), seller).expect(201).data();
        assertThat(set.get("delta").asInt()).isEqualTo(-18);
        http.post(path + "/adjustments", body(null, -2, "파손"), seller).expect(201);

        JsonNode overview = http.get(path, seller).expect(200).data();
        assertThat(overview.at("/stock/available").asInt()).isEqualTo(5);
        assertThat(overview.at("/stock/initial").asInt()).isEqualTo(10);
        assertThat(overview.at("/stock/adjustments").asLong()).isEqualTo(-5);
        assertThat(overview.at("/stock/balanced").asBoolean()).isTrue();
        JsonNode history = overview.at("/adjustments/content");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("파손");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("입고 15개");
    }

    @Test
    void stockNeverGoesBelowZero() {
        String path = "/api/admin/products/" + product + "/stock/adjustments";
        Http.Reply reply = http.post(path, body(null, -11, "과다 차감"), seller).expectError(422, "BUSINESS_RULE_VIOLATED");
        assertThat(reply.body().get("message").asString()).isEqualTo("재고는 0보다 작아질 수 없습니다.");
        assertThat(http.get("/api/admin/products/" + product + "/stock", seller).data().at("/stock/available").asInt())
                .isEqualTo(10);
    }

    @Test
    void anAdjustmentNeedsExactlyOneOfQuantityAndDeltaAndAReason() {
        String path = "/api/admin/products/" + product + "/stock/adjustments";
        assertThat(http.post(path, body(5, 5, "둘 다"), seller).expectError(400, "VALIDATION_FAILED").field("quantity"))
                .isNotNull();
        http.post(path, body(null, null, "없음"), seller).expectError(400, "VALIDATION_FAILED");
        http.post(path, body(null, 0, "영"), seller).expectError(400, "VALIDATION_FAILED");
        assertThat(http.post(path, body(5, null, " "), seller).expectError(400, "VALIDATION_FAILED").field("reason"))
                .isNotNull();
        http.post(path, body(-1, null, "음수"), seller).expectError(400, "VALIDATION_FAILED");
        http.post("/api/admin/products/987654321/stock/adjustments", body(5, null, "없는 상품"), seller)
                .expectError(404, "NOT_FOUND");
        http.post(path, body(5, null, "권한"), Http.token(702, Role.USER)).expectError(403, "FORBIDDEN");
    }

    @Test
    void runningOutAndRestockingFlipTheStatusAndAnnounceIt() {
        String path = "/api/admin/products/" + product + "/stock/adjustments";
        http.get("/api/products/" + product).expect(200); // cached

        http.post(path, body(0, null, "품절 처리"), seller).expect(201);
        assertThat(http.get("/api/products/" + product).data().get("status").asString()).isEqualTo("SOLD_OUT");
        KafkaProbe kafka = new KafkaProbe(broker, jsonMapper);
        assertThat(kafka.await(Topics.CATALOG_PRODUCT, record -> record.key().equals(Long.toString(product))
                && record.payload().get("status").asString().equals("SOLD_OUT"), Duration.ofSeconds(30))).isNotEmpty();

        http.post(path, body(null, 3, "재입고"), seller).expect(201);
        assertThat(http.get("/api/products/" + product).data().get("status").asString()).isEqualTo("ON_SALE");
    }
}
