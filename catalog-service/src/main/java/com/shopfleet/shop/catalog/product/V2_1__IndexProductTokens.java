package com.shopfleet.shop.catalog.product;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.1, retired: it filled {@code product_token}, the bigram keyword table of
 * {@code V2__product_token.sql}, which {@code V4__keyword_index_in_memory.sql} drops (keyword search is
 * answered by {@link KeywordIndex} now). It stays, doing nothing, because databases that applied it
 * record it and Flyway's validation fails on an applied migration it can no longer resolve.
 */
@Component
class V2_1__IndexProductTokens extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // retired, see the class comment
    }
}
