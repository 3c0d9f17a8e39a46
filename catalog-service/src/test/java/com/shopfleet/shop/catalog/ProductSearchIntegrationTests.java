package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.catalog.product.ProductCounters;
import com.shopfleet.shop.catalog.product.ProductStatus;

/**
 * Listings and keyword search over a category of four products (plus a hidden one): Korean substrings
 * in name, brand and category, every sort and filter, pagination bounds and by-ids lookups.
 */
@CatalogIntegrationTest
class ProductSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProductCounters counters;

    @Autowired
    TransactionTemplate transactions;

    Http http;
    Fixtures.Tree tree;
    String marker;
    long earbuds;
    long headphones;
    long wiredEarphones;
    long speaker;
    long hidden;

    @BeforeEach
    void catalog() {
        http = new Http(port);
        marker = Fixtures.marker();
        tree = fixtures.tree("검색 " + marker);
        earbuds = fixtures.product(tree.leaf(), "노이즈캔슬링 무선 이어폰", "오디오랩", 159_000, 15, 10, ProductStatus.ON_SALE);
        headphones = fixtures.product(tree.leaf(), "무선 헤드폰 Air", "사운드웨이브", 99_000, 0, 10, ProductStatus.ON_SALE);
        wiredEarphones = fixtures.product(tree.leaf(), "유선 이어폰", "오디오랩", 19_900, 50, 10, ProductStatus.ON_SALE);
        speaker = fixtures.product(tree.leaf(), "블루투스 스피커", "소리마루", 49_000, 10, 0, ProductStatus.ON_SALE);
        hidden = fixtures.product(tree.leaf(), "숨은 무선 이어폰", "오디오랩", 9_000, 0, 10, ProductStatus.HIDDEN);
        transactions.executeWithoutResult(status -> {
            counters.reviewsChanged(earbuds, 2, 9);
            counters.reviewsChanged(headphones, 1, 5);
            counters.reviewsChanged(wiredEarphones, 1, 3);
            counters.wishlistsChanged(speaker, 5);
            counters.wishlistsChanged(earbuds, 3);
            counters.wishlistsChanged(headphones, 1);
        });
    }

    List<Long> ids(String query) {
        JsonNode data = http.get("/api/products?category=" + tree.top() + "&" + query).expect(200).data();
        List<Long> ids = new ArrayList<>();
        data.get("content").forEach(card -> ids.add(card.get("id").asLong()));
        return ids;
    }

    static String q(String keyword) {
        return "q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
    }

    @Test
    void koreanSubstringsMatchNamesBrandsAndCategories() {
        assertThat(ids(q("캔슬링"))).containsExactly(earbuds);
        assertThat(ids(q("이어폰"))).containsExactlyInAnyOrder(earbuds, wiredEarphones);
        assertThat(ids(q("오디오"))).containsExactlyInAnyOrder(earbuds, wiredEarphones);
        assertThat(ids(q("무선 이어폰"))).as("every term must match").containsExactly(earbuds);
        assertThat(ids(q(marker))).as("the category's name").hasSize(4);
        assertThat(ids(q("냉장고"))).isEmpty();
    }

    @Test
    void keywordsAreCaseInsensitiveAndWildcardsMatchThemselves() {
        assertThat(ids(q("air"))).containsExactly(headphones);
        assertThat(ids(q("AIR"))).containsExactly(headphones);
        assertThat(ids(q("%"))).isEmpty();
        assertThat(ids(q("_"))).isEmpty();
    }

    @Test
    void everySortOrdersAsPromised() {
        assertThat(ids("sort=newest")).containsExactly(speaker, wiredEarphones, headphones, earbuds);
        assertThat(ids("")).as("newest by default").containsExactly(speaker, wiredEarphones, headphones, earbuds);
        // by sale price: 9,950 / 44,100 / 99,000 / 135,150 (the list price would order them differently)
        assertThat(ids("sort=price_asc")).containsExactly(wiredEarphones, speaker, headphones, earbuds);
        assertThat(ids("sort=price_desc")).containsExactly(earbuds, headphones, speaker, wiredEarphones);
        assertThat(ids("sort=rating")).containsExactly(headphones, earbuds, wiredEarphones, speaker);
        assertThat(ids("sort=popular")).containsExactly(speaker, earbuds, headphones, wiredEarphones);
    }

    @Test
    void cardsCarryPricesDiscountRatingAndEffectiveStatus() {
        JsonNode content = http.get("/api/products?category=" + tree.leaf() + "&sort=price_desc").expect(200).data()
                .get("content");
        JsonNode first = content.get(0);
        assertThat(first.get("id").asLong()).isEqualTo(earbuds);
        assertThat(first.get("price").asLong()).isEqualTo(159_000);
        assertThat(first.get("discountRate").asInt()).isEqualTo(15);
        assertThat(first.get("salePrice").asLong()).isEqualTo(135_150);
        assertThat(first.get("ratingAverage").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(first.get("reviewCount").asInt()).isEqualTo(2);
        assertThat(first.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(content.get(2).get("status").asString()).as("no stock left").isEqualTo("SOLD_OUT");
        assertThat(content.get(2).get("ratingAverage").decimalValue()).isEqualByComparingTo("0.0");
    }

    @Test
    void priceFiltersApplyToTheSalePriceAndCombineWithKeywords() {
        assertThat(ids("minPrice=40000&maxPrice=100000&sort=price_asc")).containsExactly(speaker, headphones);
        assertThat(ids("minPrice=135150")).containsExactly(earbuds);
        assertThat(ids("maxPrice=9950")).containsExactly(wiredEarphones);
        assertThat(ids(q("이어폰") + "&maxPrice=100000")).containsExactly(wiredEarphones);
    }

    @Test
    void aTopLevelCategoryListsItsChildrensProducts() {
        JsonNode page = http.get("/api/products?category=" + tree.top()).expect(200).data();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(4);
    }

    @Test
    void pagesCarryTheirPositionAndAnEmptyPageBeyondTheEnd() {
        JsonNode second = http.get("/api/products?category=" + tree.top() + "&sort=price_asc&size=3&page=1").expect(200)
                .data();
        assertThat(second.get("content")).hasSize(1);
        assertThat(second.get("content").get(0).get("id").asLong()).isEqualTo(earbuds);
        assertThat(second.at("/page/size").asInt()).isEqualTo(3);
        assertThat(second.at("/page/number").asInt()).isEqualTo(1);
        assertThat(second.at("/page/totalElements").asLong()).isEqualTo(4);
        assertThat(second.at("/page/totalPages").asInt()).isEqualTo(2);

        JsonNode beyond = http.get("/api/products?category=" + tree.top() + "&page=5&size=3").expect(200).data();
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.at("/page/totalElements").asLong()).isEqualTo(4);
    }

    @Test
    void outOfRangeParametersAreA400NamingThem() {
        assertThat(http.get("/api/products?size=0").expectError(400, "VALIDATION_FAILED").field("size")).isNotNull();
        assertThat(http.get("/api/products?size=101").expectError(400, "VALIDATION_FAILED").field("size")).isNotNull();
        assertThat(http.get("/api/products?page=-1").expectError(400, "VALIDATION_FAILED").field("page")).isNotNull();
        assertThat(http.get("/api/products?page=100&size=100").expectError(400, "VALIDATION_FAILED").field("page"))
                .isEqualTo("너무 뒤의 페이지입니다. 검색 조건을 좁혀 주세요.");
        assertThat(http.get("/api/products?sort=cheapest").expectError(400, "VALIDATION_FAILED").field("sort"))
                .startsWith("지원하지 않는 정렬입니다.");
        assertThat(http.get("/api/products?page=abc").expectError(400, "VALIDATION_FAILED").field("page")).isNotNull();
        assertThat(http.get("/api/products?minPrice=-1").expectError(400, "VALIDATION_FAILED").field("minPrice"))
                .isNotNull();
        assertThat(http.get("/api/products?minPrice=500&maxPrice=100").expectError(400, "VALIDATION_FAILED")
                .field("minPrice")).isNotNull();
        assertThat(http.get("/api/products?category=987654321").expectError(400, "VALIDATION_FAILED").field("category"))
                .isNotNull();
        assertThat(http.get("/api/products?" + q("가".repeat(51))).expectError(400, "VALIDATION_FAILED").field("q"))
                .isNotNull();
        assertThat(http.get("/api/products?" + q("가 나 다 라 마 바")).expectError(400, "VALIDATION_FAILED").field("q"))
                .isNotNull();
    }

    @Test
    void errorsSpeakEnglishWhenAskedTo() {
        Http.Reply reply = http.send("GET", "/api/products?sort=cheapest", null, null, Map.of("Accept-Language", "en"));
        reply.expectError(400, "VALIDATION_FAILED");
        assertThat(reply.field("sort")).startsWith("Unsupported sort.");
    }

    @Test
    void byIdsAnswersAPlainArrayInTheOrderAskedSkippingWhatIsMissingOrHidden() {
        JsonNode data = http.get("/api/products?ids=" + speaker + ",987654321," + earbuds + "," + hidden + "," + earbuds)
                .expect(200).data();
        assertThat(data.isArray()).isTrue();
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("id").asLong()).isEqualTo(speaker);
        assertThat(data.get(1).get("id").asLong()).isEqualTo(earbuds);
    }

    @Test
    void byIdsRefusesTooManyOrMalformedIds() {
        String tooMany = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
        http.get("/api/products?ids=" + tooMany).expectError(400, "VALIDATION_FAILED");
        http.get("/api/products?ids=1,abc").expectError(400, "VALIDATION_FAILED");
        http.get("/api/products?ids=0").expectError(400, "VALIDATION_FAILED");
        http.get("/api/products?ids=1&sort=newest").expectError(400, "VALIDATION_FAILED");
        String hundred = LongStream.rangeClosed(1, 100).mapToObj(Long::toString).collect(Collectors.joining(","));
        http.get("/api/products?ids=" + hundred).expect(200);
    }

    @Test
    void theDetailCarriesTheCategoryPathAndTheRatingHistogram() {
        JsonNode detail = http.get("/api/products/" + earbuds).expect(200).data();
        assertThat(detail.at("/category/id").asLong()).isEqualTo(tree.leaf());
        assertThat(detail.at("/category/parent/id").asLong()).isEqualTo(tree.top());
        assertThat(detail.get("images")).hasSize(1);
        assertThat(detail.get("ratingHistogram").propertyNames()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(detail.at("/reviews/page/number").asInt()).isZero();
        http.get("/api/products/987654321").expectError(404, "NOT_FOUND");
        http.get("/api/products/" + hidden).expectError(404, "NOT_FOUND");
    }
}
