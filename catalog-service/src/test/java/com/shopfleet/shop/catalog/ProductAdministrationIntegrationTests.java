package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.contracts.identity.Role;

@CatalogIntegrationTest
class ProductAdministrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper jsonMapper;

    Http http;

    String seller;

    @BeforeEach
    void client() {
        http = new Http(port);
        seller = Http.token(601, Role.SELLER); // tokens live 60 s: minted per test
    }

    Map<String, Object> product(long categoryId, String name, long price, int discountRate) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("brand", "오디오랩");
        body.put("categoryId", categoryId);
        body.put("titleImage", "https://cdn.example.com/p/title.webp");
        body.put("images", List.of("https://cdn.example.com/p/1.webp", "/images/p/2.webp"));
        body.put("description", "노이즈캔슬링을 지원합니다.");
        body.put("price", price);
        body.put("discountRate", discountRate);
        body.put("status", "ON_SALE");
        body.put("initialStock", 30);
        return body;
    }

    @Test
    void staffCreateAProductWhoseSalePriceIsRoundedDownAndAnnouncedOnTheCompactedTopic() {
        Fixtures.Tree tree = fixtures.tree("등록");

        JsonNode created = http.post("/api/admin/products", product(tree.leaf(), "노이즈캔슬링 무선 이어폰", 159_900, 15),
                seller).expect(201).data();

        long id = created.get("id").asLong();
        // 159,900 × 85 / 100 = 135,915 exactly; 10,001 × 67 / 100 = 6,700.67 → 6,700 below
        assertThat(created.get("salePrice").asLong()).isEqualTo(135_915);
        assertThat(created.at("/stock/available").asInt()).isEqualTo(30);
        assertThat(created.get("effectiveStatus").asString()).isEqualTo("ON_SALE");

        KafkaProbe kafka = new KafkaProbe(broker, jsonMapper);
        List<KafkaProbe.Record> events = kafka.await(Topics.CATALOG_PRODUCT, record -> record.key().equals(Long.toString(id)),
                Duration.ofSeconds(30));
        KafkaProbe.Record event = events.getFirst();
        assertThat(event.type()).isEqualTo(ProductChanged.TYPE);
        JsonNode payload = event.payload();
        assertThat(payload.get("salePrice").asLong()).isEqualTo(135_915);
        assertThat(payload.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(payload.get("deleted").asBoolean()).isFalse();
        // the same shape as the contract's golden file
        JsonNode golden = jsonMapper.readTree(GoldenFiles.eventJson(ProductChanged.TYPE)).get("payload");
        assertThat(Set.copyOf(payload.propertyNames())).isEqualTo(Set.copyOf(golden.propertyNames()));

        JsonNode cheap = http.post("/api/admin/products", product(tree.leaf(), "케이블", 10_001, 33), seller).expect(201)
                .data();
        assertThat(cheap.get("salePrice").asLong()).isEqualTo(6_700);
    }

    @Test
    void theCompactedProductTopicIsCreatedByTheService() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG_PRODUCT);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void invalidProductsAreRefusedNamingEveryField() {
        Fixtures.Tree tree = fixtures.tree("검증");
        Map<String, Object> body = product(tree.leaf(), "", 50, 91);
        body.put("titleImage", "javascript:alert(1)");
        body.put("initialStock", -1);

        Http.Reply reply = http.post("/api/admin/products", body, seller).expectError(400, "VALIDATION_FAILED");

        assertThat(reply.body().at("/errorDetails/fields").propertyNames())
                .contains("name", "price", "discountRate", "titleImage", "initialStock");
        assertThat(reply.field("titleImage")).isEqualTo("이미지는 https:// 주소나 /로 시작하는 경로여야 합니다.");
    }

    @Test
    void productsLiveInSubCategoriesOnly() {
        Fixtures.Tree tree = fixtures.tree("상위금지");
        Http.Reply reply = http.post("/api/admin/products", product(tree.top(), "상위 상품", 10_000, 0), seller)
                .expectError(400, "VALIDATION_FAILED");
        assertThat(reply.field("categoryId")).isEqualTo("상품은 하위 카테고리에만 등록할 수 있습니다.");

        http.post("/api/admin/products", product(987_654_321L, "없는 카테고리", 10_000, 0), seller)
                .expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void aStatusThatIsNotOneOfTheThreeIsAMalformedRequest() {
        Fixtures.Tree tree = fixtures.tree("상태");
        Map<String, Object> body = product(tree.leaf(), "상태 이상", 10_000, 0);
        body.put("status", "ON_FIRE");
        http.post("/api/admin/products", body, seller).expectError(400, "MALFORMED_REQUEST");
    }

    @Test
    void onlySellersAndAboveManageProducts() {
        Fixtures.Tree tree = fixtures.tree("권한");
        http.post("/api/admin/products", product(tree.leaf(), "권한 없음", 10_000, 0), null)
                .expectError(401, "UNAUTHENTICATED");
        http.post("/api/admin/products", product(tree.leaf(), "권한 없음", 10_000, 0), Http.token(602, Role.USER))
                .expectError(403, "FORBIDDEN");
        http.post("/api/admin/products", product(tree.leaf(), "매니저 등록", 10_000, 0), Http.token(603, Role.MANAGER))
                .expect(201);
    }

    @Test
    void aNewPriceShowsOnTheNextReadEvenAfterTheDetailWasCached() {
        Fixtures.Tree tree = fixtures.tree("가격");
        long id = http.post("/api/admin/products", product(tree.leaf(), "가격 변경 상품", 20_000, 10), seller).expect(201)
                .data().get("id").asLong();
        assertThat(http.get("/api/products/" + id).expect(200).data().get("salePrice").asLong()).isEqualTo(18_000);
        assertThat(http.get("/api/products?category=" + tree.leaf()).expect(200).data().at("/content/0/salePrice")
                .asLong()).isEqualTo(18_000);

        http.put("/api/admin/products/" + id, product(tree.leaf(), "가격 변경 상품", 30_000, 50), seller).expect(200);

        JsonNode detail = http.get("/api/products/" + id).expect(200).data();
        assertThat(detail.get("price").asLong()).isEqualTo(30_000);
        assertThat(detail.get("salePrice").asLong()).isEqualTo(15_000);
        assertThat(http.get("/api/products?category=" + tree.leaf()).expect(200).data().at("/content/0/salePrice")
                .asLong()).isEqualTo(15_000);
    }

    @Test
    void aHiddenProductDisappearsFromThePublicAtOnceAndStaffStillSeeIt() {
        Fixtures.Tree tree = fixtures.tree("숨김");
        Map<String, Object> body = product(tree.leaf(), "숨길 상품", 20_000, 0);
        long id = http.post("/api/admin/products", body, seller).expect(201).data().get("id").asLong();
        assertThat(http.get("/api/products?category=" + tree.leaf()).expect(200).data().at("/page/totalElements").asLong())
                .isEqualTo(1);
        http.get("/api/products/" + id).expect(200);

        body.put("status", "HIDDEN");
        http.put("/api/admin/products/" + id, body, seller).expect(200);

        JsonNode listing = http.get("/api/products?category=" + tree.leaf()).expect(200).data();
        assertThat(listing.get("content")).isEmpty();
        assertThat(listing.at("/page/totalElements").asLong()).isZero();
        http.get("/api/products/" + id).expectError(404, "NOT_FOUND");
        assertThat(http.get("/api/products?ids=" + id).expect(200).data()).isEmpty();
        JsonNode staffView = http.get("/api/admin/products/" + id, seller).expect(200).data();
        assertThat(staffView.get("status").asString()).isEqualTo("HIDDEN");
        assertThat(staffView.get("listed").asBoolean()).isFalse();
        assertThat(http.get("/api/admin/products?category=" + tree.leaf(), seller).expect(200)
                .data().at("/page/totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aDeletedProductIsGoneForThePublicAndForConsumersButStaffCanStillLookItUp() {
        Fixtures.Tree tree = fixtures.tree("삭제");
        long id = http.post("/api/admin/products", product(tree.leaf(), "삭제할 상품", 20_000, 0), seller).expect(201)
                .data().get("id").asLong();
        http.get("/api/products/" + id).expect(200);

        http.delete("/api/admin/products/" + id, seller).expect(204);

        http.get("/api/products/" + id).expectError(404, "NOT_FOUND");
        http.delete("/api/admin/products/" + id, seller).expectError(404, "NOT_FOUND");
        JsonNode staffView = http.get("/api/admin/products/" + id, seller).expect(200).data();
        assertThat(staffView.get("deleted").asBoolean()).isTrue();
        assertThat(http.get("/api/admin/products?category=" + tree.leaf(), seller).expect(200)
                .data().at("/page/totalElements").asLong()).isZero();
        assertThat(http.get("/api/admin/products?includeDeleted=true&category=" + tree.leaf(), seller).expect(200)
                .data().at("/page/totalElements").asLong()).isEqualTo(1);

        KafkaProbe kafka = new KafkaProbe(broker, jsonMapper);
        assertThat(kafka.await(Topics.CATALOG_PRODUCT,
                record -> record.key().equals(Long.toString(id)) && record.payload().get("deleted").asBoolean(),
                Duration.ofSeconds(30))).isNotEmpty();
    }

    @Test
    void descriptionsArePlainTextWithoutControlCharacters() {
        Fixtures.Tree tree = fixtures.tree("설명");
        Map<String, Object> body = product(tree.leaf(), "설명 상품", 20_000, 0);
        body.put("description", "<script>alert('x')</script>\r\n둘째 줄\u0000\u202E");
        long id = http.post("/api/admin/products", body, seller).expect(201).data().get("id").asLong();

        JsonNode detail = http.get("/api/products/" + id).expect(200).data();
        assertThat(detail.get("description").asString()).isEqualTo("<script>alert('x')</script>\n둘째 줄");
    }

    @Test
    void unknownProductsAreNotFoundForStaffToo() {
        http.get("/api/admin/products/987654321", seller).expectError(404, "NOT_FOUND");
        http.put("/api/admin/products/987654321", product(1, "없음", 10_000, 0), seller).expectError(404, "NOT_FOUND");
    }
}
