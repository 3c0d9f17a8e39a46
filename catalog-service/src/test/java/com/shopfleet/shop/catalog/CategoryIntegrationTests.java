package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.identity.Role;

@CatalogIntegrationTest
class CategoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Http http;

    String seller;

    @BeforeEach
    void client() {
        http = new Http(port);
        seller = Http.token(501, Role.SELLER); // tokens live 60 s: minted per test
    }

    @Test
    void anyoneReadsTheTwoLevelTreeInDisplayOrder() {
        String name = "가전 " + Fixtures.marker();
        long top = http.post("/api/admin/categories", Map.of("name", name, "displayOrder", 5), seller).expect(201)
                .data().get("id").asLong();
        http.post("/api/admin/categories", Map.of("name", "세탁기", "parentId", top, "displayOrder", 2), seller).expect(201);
        http.post("/api/admin/categories", Map.of("name", "냉장고", "parentId", top, "displayOrder", 1), seller).expect(201);

        JsonNode tree = http.get("/api/categories").expect(200).data();

        JsonNode created = null;
        for (JsonNode node : tree) {
            if (node.get("id").asLong() == top) {
                created = node;
            }
        }
        assertThat(created).isNotNull();
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.get("children")).hasSize(2);
        assertThat(created.get("children").get(0).get("name").asString()).isEqualTo("냉장고");
        assertThat(created.get("children").get(1).get("name").asString()).isEqualTo("세탁기");
    }

    @Test
    void staffRenameAndDeleteEmptyCategories() {
        long top = http.post("/api/admin/categories", Map.of("name", "임시 " + Fixtures.marker(), "displayOrder", 0),
                seller).expect(201).data().get("id").asLong();

        String renamed = "바뀐 이름 " + Fixtures.marker();
        http.put("/api/admin/categories/" + top, Map.of("name", renamed, "displayOrder", 3), seller).expect(200);
        assertThat(http.get("/api/categories").text()).contains(renamed);

        http.delete("/api/admin/categories/" + top, seller).expect(204);
        assertThat(http.get("/api/categories").text()).doesNotContain(renamed);
        http.delete("/api/admin/categories/" + top, seller).expectError(404, "NOT_FOUND");
    }

    @Test
    void theTreeHasTwoLevelsOnly() {
        long top = http.post("/api/admin/categories", Map.of("name", "상위 " + Fixtures.marker(), "displayOrder", 0),
                seller).expect(201).data().get("id").asLong();
        long child = http.post("/api/admin/categories", Map.of("name", "하위", "parentId", top, "displayOrder", 0), seller)
                .expect(201).data().get("id").asLong();

        http.post("/api/admin/categories", Map.of("name", "손자", "parentId", child, "displayOrder", 0), seller)
                .expectError(422, "BUSINESS_RULE_VIOLATED");
    }

    @Test
    void aCategoryInUseOrNamedTwiceIsAConflict() {
        String name = "사용중 " + Fixtures.marker();
        long top = http.post("/api/admin/categories", Map.of("name", name, "displayOrder", 0), seller).expect(201)
                .data().get("id").asLong();
        http.post("/api/admin/categories", Map.of("name", "하위", "parentId", top, "displayOrder", 0), seller).expect(201);

        http.delete("/api/admin/categories/" + top, seller).expectError(409, "CONFLICT");
        http.post("/api/admin/categories", Map.of("name", name, "displayOrder", 1), seller).expectError(409, "CONFLICT");
        http.post("/api/admin/categories", Map.of("name", "하위", "parentId", top, "displayOrder", 1), seller)
                .expectError(409, "CONFLICT");
    }

    @Test
    void aCategoryWithProductsCannotBeDeleted() {
        Fixtures.Tree tree = fixtures.tree("상품있음");
        fixtures.product(tree.leaf(), "삭제 방지 상품", 10_000, 0, 1);

        Http.Reply reply = http.delete("/api/admin/categories/" + tree.leaf(), seller).expectError(409, "CONFLICT");
        assertThat(reply.body().get("message").asString()).isEqualTo("하위 카테고리나 상품이 있는 카테고리는 삭제할 수 없습니다.");
    }

    @Test
    void invalidCategoriesAreNamedFieldByField() {
        Http.Reply reply = http.post("/api/admin/categories", Map.of("name", "", "displayOrder", -1), seller)
                .expectError(400, "VALIDATION_FAILED");
        assertThat(reply.field("name")).isNotNull();
        assertThat(reply.field("displayOrder")).isNotNull();

        http.post("/api/admin/categories", Map.of("name", "고아", "parentId", 987_654_321, "displayOrder", 0), seller)
                .expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void onlyStaffChangeTheTree() {
        Map<String, Object> body = Map.of("name", "권한 " + Fixtures.marker(), "displayOrder", 0);
        http.post("/api/admin/categories", body, null).expectError(401, "UNAUTHENTICATED");
        http.post("/api/admin/categories", body, Http.token(502, Role.USER)).expectError(403, "FORBIDDEN");
    }
}
