package com.shopfleet.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration 2.1 indexes the products that existed before the keyword index, deleted ones included. */
class ProductTokenMigrationTests {

    @Test
    void existingProductsGetTheirTokens() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:token-migration;MODE=MySQL;"
                + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).target("2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                INSERT INTO category (id, parent_id, name, display_order, created_at, updated_at, version)
                VALUES (1, NULL, '디지털', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""");
        insert(jdbc, 10, "무선 이어폰 오디오랩", false);
        insert(jdbc, 11, "삭제된 상품 acme", true);

        Flyway.configure().dataSource(dataSource).javaMigrations(new V2_1__IndexProductTokens()).load().migrate();

        assertThat(tokens(jdbc, 10)).containsExactlyElementsOf(Arrays.stream(SearchTokens.of("무선 이어폰 오디오랩")).boxed().toList());
        assertThat(tokens(jdbc, 11)).containsExactlyElementsOf(Arrays.stream(SearchTokens.of("삭제된 상품 acme")).boxed().toList());
    }

    static java.util.List<Long> tokens(JdbcTemplate jdbc, long id) {
        return jdbc.queryForList("SELECT token FROM product_token WHERE product_id = ? ORDER BY token", Long.class, id);
    }

    static void insert(JdbcTemplate jdbc, long id, String searchText, boolean deleted) {
        jdbc.update("""
                INSERT INTO product (id, name, brand, category_id, title_image, description, price, discount_rate,
                    sale_price, status, listed, deleted, stock_initial, stock_available, stock_reserved, stock_sold,
                    wishlist_count, popularity, review_count, rating_sum, rating_x100, search_text, created_at,
                    updated_at, version)
                VALUES (?, ?, 'b', 1, '/i.webp', 'd', 1000, 0, 1000, 'ON_SALE', ?, ?, 1, 1, 0, 0, 0, 0, 0, 0, 0, ?,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""", id, searchText, !deleted, deleted, searchText);
    }
}
