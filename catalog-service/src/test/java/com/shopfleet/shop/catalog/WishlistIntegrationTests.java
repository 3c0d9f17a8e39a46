package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.contracts.identity.Role;

@CatalogIntegrationTest
class WishlistIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    Fixtures.Tree tree;

    static long nextUser = 40_000 + System.nanoTime() % 10_000 * 10;

    static synchronized long newUser() {
        return ++nextUser;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tree = fixtures.tree("찜");
    }

    int wishlistCount(long product) {
        return jdbc.queryForObject("SELECT wishlist_count FROM product WHERE id = ?", Integer.class, product);
    }

    @Test
    void addingIsIdempotentAndTheListShowsProductCardsNewestFirst() {
        String me = Http.token(newUser(), Role.USER);
        long first = fixtures.product(tree.leaf(), "찜 상품 하나", 10_000, 10, 5);
        long second = fixtures.product(tree.leaf(), "찜 상품 둘", 20_000, 0, 5);

        http.put("/api/wishlist/" + first, null, me).expect(200);
        http.put("/api/wishlist/" + first, null, me).expect(200);
        http.put("/api/wishlist/" + second, null, me).expect(200);

        JsonNode page = http.get("/api/wishlist", me).expect(200).data();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(page.at("/content/0/productId").asLong()).isEqualTo(second);
        assertThat(page.at("/content/1/product/salePrice").asLong()).isEqualTo(9_000);
        assertThat(wishlistCount(first)).isEqualTo(1);
        assertThat(http.get("/api/wishlist/" + first, me).data().get("exists").asBoolean()).isTrue();

        http.delete("/api/wishlist/" + first, me).expect(204);
        http.delete("/api/wishlist/" + first, me).expect(204);
        assertThat(http.get("/api/wishlist/" + first, me).data().get("exists").asBoolean()).isFalse();
        assertThat(wishlistCount(first)).isZero();
        assertThat(http.get("/api/wishlist", me).data().at("/page/totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void hiddenOrUnknownProductsCannotBeAddedAndHiddenOnesLoseTheirCard() {
        String me = Http.token(newUser(), Role.USER);
        long hidden = fixtures.product(tree.leaf(), "숨김 찜", "브랜드", 10_000, 0, 5, ProductStatus.HIDDEN);
        http.put("/api/wishlist/" + hidden, null, me).expectError(404, "NOT_FOUND");
        http.put("/api/wishlist/987654321", null, me).expectError(404, "NOT_FOUND");
        http.put("/api/wishlist/abc", null, me).expectError(400, "VALIDATION_FAILED");
        http.get("/api/wishlist", null).expectError(401, "UNAUTHENTICATED");
    }

    @Test
    void aWishlistHoldsAHundredProductsEvenUnderConcurrentAdds() throws Exception {
        long user = newUser();
        String me = Http.token(user, Role.USER);
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            products.add(fixtures.product(tree.leaf(), "한도 상품 " + i, 10_000, 0, 5));
        }

        int ok = 0;
        int conflicts = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (long product : products) {
                replies.add(pool.submit(() -> http.put("/api/wishlist/" + product, null, me)));
            }
            for (Future<Http.Reply> reply : replies) {
                int status = reply.get().status();
                if (status == 200) {
                    ok++;
                }
                else if (status == 409) {
                    conflicts++;
                }
            }
        }

        assertThat(ok).isEqualTo(100);
        assertThat(conflicts).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wishlist_item WHERE user_id = ?", Integer.class, user))
                .isEqualTo(100);
        long missing = products.stream().filter(product -> http.get("/api/wishlist/" + product, me).data()
                .get("exists").asBoolean() == false).findFirst().orElseThrow();
        Http.Reply refused = http.put("/api/wishlist/" + missing, null, me).expectError(409, "CONFLICT");
        assertThat(refused.body().get("message").asString()).isEqualTo("위시리스트에는 상품을 100개까지 담을 수 있습니다.");
        assertThat(http.get("/api/wishlist?size=100", me).data().get("content")).hasSize(100);
    }
}
