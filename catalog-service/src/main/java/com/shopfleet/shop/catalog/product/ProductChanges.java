package com.shopfleet.shop.catalog.product;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.catalog.caching.CacheGenerations;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * Every change of what {@code ProductChanged} says about a product goes through here, inside the
 * change's transaction: the event is recorded in the outbox (published after commit, keyed by product
 * id, with the row's version as aggregate version) and the cached answers about the product are
 * invalidated once the transaction commits. The state is read back from the row, so the event says
 * what was committed, counters included. The in-memory keyword index re-reads the product after commit.
 */
@Component
class ProductChanges {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final CacheGenerations caches;
    private final KeywordIndex keywords;

    ProductChanges(JdbcTemplate jdbc, Outbox outbox, CacheGenerations caches, KeywordIndex keywords) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.caches = caches;
        this.keywords = keywords;
    }

    /** After a change through the entity (already flushed, so its version was incremented). */
    void changed(long productId) {
        Versioned state = jdbc.queryForObject("""
                SELECT name, brand, category_id, price, discount_rate, sale_price, status, stock_available,
                       title_image, deleted, version
                FROM product WHERE id = ?""", (rs, row) -> {
            ProductStatus effective = ProductStatus.effective(ProductStatus.valueOf(rs.getString("status")),
                    rs.getInt("stock_available"));
            return new Versioned(new ProductChanged(productId, rs.getString("name"), rs.getString("brand"),
                    rs.getLong("category_id"), rs.getLong("price"), rs.getInt("discount_rate"),
                    rs.getLong("sale_price"), effective.name(), rs.getString("title_image"),
                    rs.getBoolean("deleted")), rs.getLong("version"));
        }, productId);
        outbox.record(state.event(), state.version());
        caches.productChanged(productId);
        keywords.changed(productId);
    }

    /** After a change of the counters (stock status), which bypass the entity: the version moves on too. */
    void countersChanged(long productId) {
        jdbc.update("UPDATE product SET version = version + 1 WHERE id = ?", productId);
        changed(productId);
    }

    private record Versioned(ProductChanged event, long version) {
    }
}
