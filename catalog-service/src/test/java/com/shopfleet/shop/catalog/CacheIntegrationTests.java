package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * What the Redis cache serves, and that every write which changes a cached answer invalidates it before
 * its response: the database is changed behind the service's back to tell a cached answer from a fresh
 * one.
 */
@CatalogIntegrationTest
class CacheIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ProductAdministration administration;

    Http http;
    Fixtures.Tree tree;
    long product;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tree = fixtures.tree("캐시");
        product = fixtures.product(tree.leaf(), "캐시 상품", 10_000, 0, 10);
    }

    /**
     * A change no eviction follows (name, search text and time stamp as another instance would write them,
     * without this instance's after-commit work).
     */
    void renameBehindTheServicesBack(String name) {
        jdbc.update("UPDATE product SET name = ?, search_text = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?", name,
                name, product);
    }

    String detailName() {
        return http.get("/api/products/" + product).expect(200).data().get("name").asString();
    }

    String firstListedName() {
        return http.get("/api/products?category=" + tree.leaf()).expect(200).data().at("/content/0/name").asString();
    }

    @Test
    void theDetailIsServedFromRedisAsJsonWithATtl() {
        assertThat(detailName()).isEqualTo("캐시 상품");
        renameBehindTheServicesBack("몰래 바꾼 이름");

        assertThat(detailName()).as("cached").isEqualTo("캐시 상품");
        Set<String> keys = redis.keys("catalog:v1:product-detail:*:" + product);
        assertThat(keys).hasSize(1);
        String key = keys.iterator().next();
        assertThat(redis.opsForValue().get(key)).startsWith("{").contains("\"name\":\"캐시 상품\"");
        assertThat(redis.getExpire(key)).isPositive();
    }

    @Test
    void firstListingPagesAreCachedAndKeywordSearchesAreNot() {
        assertThat(firstListedName()).isEqualTo("캐시 상품");
        renameBehindTheServicesBack("몰래 바꾼 이름");

        assertThat(firstListedName()).as("cached").isEqualTo("캐시 상품");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http
                .get("/api/products?category=" + tree.leaf() + "&q=%EB%AA%B0%EB%9E%98").data().at("/content/0/name")
                .asString()).as("searched, not cached: found once the keyword index read the change")
                .isEqualTo("몰래 바꾼 이름"));
    }

    @Test
    void aStaffWriteInvalidatesTheDetailAndEveryListingBeforeItsResponse() {
        detailName();
        firstListedName();

        administration.revise(product, new ProductDraft("새 이름", "테스트브랜드", tree.leaf(), "/images/products/test.webp",
                List.of(), "설명", 12_000, 0, ProductStatus.ON_SALE));

        assertThat(detailName()).isEqualTo("새 이름");
        assertThat(firstListedName()).isEqualTo("새 이름");
    }

    @Test
    void aCategoryRenameInvalidatesEveryCachedAnswer() {
        String before = http.get("/api/products/" + product).data().at("/category/name").asString();

        http.put("/api/admin/categories/" + tree.leaf(), Map.of("name", "새 카테고리 " + Fixtures.marker(), "displayOrder", 0),
                Http.token(1, Role.SELLER)).expect(200);

        assertThat(http.get("/api/products/" + product).data().at("/category/name").asString()).isNotEqualTo(before)
                .startsWith("새 카테고리");
    }
}
