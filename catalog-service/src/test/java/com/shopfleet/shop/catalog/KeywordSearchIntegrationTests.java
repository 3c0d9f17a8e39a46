package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.catalog.product.ListingParameters;
import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * The keyword index ({@code product.KeywordIndex}) behind keyword search: in step with every product write
 * of this instance at once and with other instances' writes within seconds, answering exactly what a
 * substring match over name and brand answers — Korean, any case, one character, extra spaces, characters
 * that mean something to SQL — never a hidden or deleted product for the public, and pages in the promised
 * order whichever way the database reads them (the matches sorted, or a walk along the sort's index).
 */
@CatalogIntegrationTest
class KeywordSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProductAdministration administration;

    @Autowired
    ProductQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    Fixtures.Tree tree;
    long charger;
    long mug;
    long lamp;

    @BeforeEach
    void catalog() {
        http = new Http(port);
        tree = fixtures.tree("색인 " + Fixtures.marker());
        charger = fixtures.product(tree.leaf(), "USB-C 고속충전기 100% 국산", "PowerLab", 25_000, 0, 10,
                ProductStatus.ON_SALE);
        mug = fixtures.product(tree.leaf(), "머그컵_화이트 (350ml)", "도자기공방", 12_000, 10, 10, ProductStatus.ON_SALE);
        lamp = fixtures.product(tree.leaf(), "무드등 등불 🌙 달빛", "밤하늘", 33_000, 0, 10, ProductStatus.ON_SALE);
    }

    List<Long> ids(String keyword) {
        JsonNode data = http.get("/api/products?category=" + tree.top() + "&" + q(keyword)).expect(200).data();
        List<Long> ids = new ArrayList<>();
        data.get("content").forEach(card -> ids.add(card.get("id").asLong()));
        assertThat(data.at("/page/totalElements").asLong()).as("total of " + keyword).isEqualTo(ids.size());
        return ids;
    }

    static String q(String keyword) {
        return "q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
    }

    @Test
    void aChangeMadeByAnotherInstanceIsFoundWithinSeconds() {
        // what another instance's transaction leaves behind: the row, without this instance's after-commit work
        jdbc.update("UPDATE product SET name = ?, search_text = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
                "머그컵 네이비", "머그컵 네이비 도자기공방", mug);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids("네이비")).containsExactly(mug));
        assertThat(ids("화이트")).isEmpty();
    }

    @Test
    void koreanAndLatinSubstringsMatchInAnyCase() {
        assertThat(ids("충전기")).containsExactly(charger);
        assertThat(ids("고속충전")).containsExactly(charger);
        assertThat(ids("usb-c")).containsExactly(charger);
        assertThat(ids("UsB-C")).containsExactly(charger);
        assertThat(ids("POWERLAB")).containsExactly(charger);
        assertThat(ids("도자기")).containsExactly(mug);
        assertThat(ids("350ML")).containsExactly(mug);
    }

    @Test
    void theBigramsOfATermMustStandTogether() {
        // 무드, 드등 and 등불 are all there, in two words: "무드등불" is not a substring
        assertThat(ids("무드등불")).isEmpty();
        assertThat(ids("전기국")).isEmpty();
        assertThat(ids("충전기국산")).isEmpty();
        assertThat(ids("충전기 국산")).as("two terms, each somewhere").containsExactly(charger);
    }

    @Test
    void aOneCharacterTermMatchesAnywhereInAWord() {
        assertThat(ids("컵")).containsExactly(mug);
        assertThat(ids("빛")).as("the last character of a word").containsExactly(lamp);
        assertThat(ids("-")).containsExactly(charger);
        assertThat(ids("🌙")).as("a character outside the basic plane, a word of its own").containsExactly(lamp);
        assertThat(ids("없")).isEmpty();
    }

    @Test
    void extraSpacesSeparateTermsAndNothingElse() {
        assertThat(ids("   무드등    달빛  ")).containsExactly(lamp);
        assertThat(ids("무드등\t등불")).containsExactly(lamp);
        assertThat(ids("무드등 달빛 없음")).isEmpty();
    }

    @Test
    void charactersThatMeanSomethingToSqlMatchThemselves() {
        assertThat(ids("100%")).containsExactly(charger);
        assertThat(ids("%")).containsExactly(charger);
        assertThat(ids("컵_화")).containsExactly(mug);
        assertThat(ids("_")).containsExactly(mug);
        assertThat(ids("(350ml)")).containsExactly(mug);
        assertThat(ids("'")).isEmpty();
        assertThat(ids("!")).isEmpty();
    }

    @Test
    void aRenamedProductIsFoundByItsNewNameOnly() {
        administration.revise(mug, new ProductDraft("텀블러 블랙", "도자기공방", tree.leaf(), "/images/products/test.webp",
                List.of(), "테스트 상품 설명입니다.", 12_000, 10, ProductStatus.ON_SALE));
        assertThat(ids("머그")).isEmpty();
        assertThat(ids("화이트")).isEmpty();
        assertThat(ids("텀블러")).containsExactly(mug);
        assertThat(ids("도자기")).as("the unchanged brand").containsExactly(mug);
    }

    @Test
    void hiddenAndDeletedProductsAreFoundByStaffOnly() {
        administration.revise(lamp, new ProductDraft("무드등 등불 🌙 달빛", "밤하늘", tree.leaf(), "/images/products/test.webp",
                List.of(), "테스트 상품 설명입니다.", 33_000, 0, ProductStatus.HIDDEN));
        administration.delete(charger);
        assertThat(ids("달빛")).isEmpty();
        assertThat(ids("충전기")).isEmpty();

        String seller = Http.token(7_001, Role.SELLER);
        assertThat(http.get("/api/admin/products?category=" + tree.top() + "&" + q("달빛"), seller).expect(200).data()
                .at("/page/totalElements").asLong()).as("hidden: staff see it").isEqualTo(1);
        assertThat(http.get("/api/admin/products?category=" + tree.top() + "&" + q("충전기"), seller).expect(200).data()
                .at("/page/totalElements").asLong()).as("deleted: only on request").isZero();
        assertThat(queries.search(queries.parse(new ListingParameters("충전기", tree.top(), null, null, null, 0, 20), true,
                true)).content()).extracting(card -> card.id()).containsExactly(charger);
    }

    @Test
    void keywordsCombineWithFiltersSortsAndPages() {
        long second = fixtures.product(tree.leaf(), "USB-C 케이블", "PowerLab", 9_000, 0, 10, ProductStatus.ON_SALE);
        JsonNode page = http.get("/api/products?category=" + tree.top() + "&sort=price_asc&size=1&page=1&" + q("usb-c"))
                .expect(200).data();
        assertThat(page.at("/content/0/id").asLong()).isEqualTo(charger);
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(page.at("/page/totalPages").asLong()).isEqualTo(2);
        assertThat(http.get("/api/products?category=" + tree.top() + "&size=1&page=5&" + q("usb-c")).expect(200).data()
                .at("/page/totalElements").asLong()).as("beyond the last page").isEqualTo(2);
        assertThat(ids("usb-c")).containsExactly(second, charger);
        JsonNode cheap = http.get("/api/products?category=" + tree.top() + "&maxPrice=10000&" + q("powerlab"))
                .expect(200).data();
        assertThat(cheap.at("/content/0/id").asLong()).isEqualTo(second);
        assertThat(cheap.at("/page/totalElements").asLong()).isEqualTo(1);
    }

    /**
     * 150 matches in pages of a few: the page is found by walking the sort's index (fewer rows than sorting
     * the matches; few matches, as in the other tests, are sorted by the database) — the pages follow the
     * order the listing promises, filters hold, and the total is the number of matches.
     */
    @Test
    void manyMatchesArePagedAlongTheSortsIndex() {
        String word = "산책" + Fixtures.marker();
        record Card(long id, long salePrice) {
        }
        List<Card> made = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long price = 1_000 + (i * 7_919L) % 50 * 100;
            made.add(new Card(fixtures.product(tree.leaf(), word + " 리드줄 " + i, "산책공방", price, 0, 5,
                    ProductStatus.ON_SALE), price));
        }
        List<Long> byPrice = made.stream()
                .sorted(Comparator.comparingLong(Card::salePrice).thenComparingLong(Card::id))
                .map(Card::id)
                .toList();
        List<Long> newest = made.stream().map(Card::id).sorted(Comparator.reverseOrder()).toList();
        for (int page = 0; page < 30; page += 7) {
            JsonNode cheap = http.get("/api/products?sort=price_asc&size=5&page=" + page + "&" + q(word)).expect(200)
                    .data();
            assertThat(cheap.at("/page/totalElements").asLong()).isEqualTo(150);
            List<Long> got = new ArrayList<>();
            cheap.get("content").forEach(card -> got.add(card.get("id").asLong()));
            assertThat(got).as("price_asc page " + page).isEqualTo(byPrice.subList(page * 5, page * 5 + 5));
            JsonNode recent = http.get("/api/products?sort=newest&size=5&page=" + page + "&" + q(word)).expect(200)
                    .data();
            List<Long> gotNewest = new ArrayList<>();
            recent.get("content").forEach(card -> gotNewest.add(card.get("id").asLong()));
            assertThat(gotNewest).as("newest page " + page).isEqualTo(newest.subList(page * 5, page * 5 + 5));
        }
        JsonNode band = http.get("/api/products?sort=price_desc&size=3&minPrice=2000&maxPrice=3000&" + q(word + " 리드줄"))
                .expect(200).data();
        List<Card> inBand = made.stream().filter(card -> card.salePrice() >= 2_000 && card.salePrice() <= 3_000)
                .sorted(Comparator.comparingLong(Card::salePrice).thenComparingLong(Card::id).reversed())
                .toList();
        assertThat(band.at("/page/totalElements").asLong()).isEqualTo(inBand.size());
        List<Long> gotBand = new ArrayList<>();
        band.get("content").forEach(card -> gotBand.add(card.get("id").asLong()));
        assertThat(gotBand).isEqualTo(inBand.subList(0, 3).stream().map(Card::id).toList());
    }
}
