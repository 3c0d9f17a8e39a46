package com.shopfleet.shop.catalog.product;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.1 (a bean, so Boot hands it to Flyway): fills {@code product_token} for the products
 * that existed before the keyword index (created by {@code V2__product_token.sql}). Java, because the
 * tokens are computed by {@link SearchTokens}, not by SQL. Deleted products are indexed too (staff search
 * them with {@code includeDeleted}).
 */
@Component
class V2_1__IndexProductTokens extends BaseJavaMigration {

    private static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement products = connection.createStatement();
                PreparedStatement insert = connection
                        .prepareStatement("INSERT INTO product_token (token, product_id) VALUES (?, ?)")) {
            products.setFetchSize(1_000);
            int pending = 0;
            try (ResultSet rows = products.executeQuery("SELECT id, search_text FROM product")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    for (long token : SearchTokens.of(rows.getString(2))) {
                        insert.setLong(1, token);
                        insert.setLong(2, id);
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
