package com.shopfleet.shop.catalog.product;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.caching.CacheGenerations;

/**
 * The review and wishlist aggregates on the product row, changed by atomic increments in the caller's
 * transaction, so concurrent reviews and wishlist clicks never lose an update.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ProductCounters {

    private final JdbcTemplate jdbc;
    private final CacheGenerations caches;

    ProductCounters(JdbcTemplate jdbc, CacheGenerations caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    /**
     * Reviews were added ({@code countDelta} &gt; 0), removed (&lt; 0) or re-rated (0): the count, the
     * sum and the sortable average ({@code rating_x100}, floor of average × 100) move together. The
     * average is assigned first, from the old values (MySQL assigns left to right, H2 from the old row:
     * both give the same result this way). Cached answers about the product are invalidated.
     */
    public void reviewsChanged(long productId, int countDelta, long ratingSumDelta) {
        jdbc.update("""
                UPDATE product
                SET rating_x100 = CASE WHEN review_count + ? <= 0 THEN 0
                                       ELSE FLOOR(((rating_sum + ?) * 100) / (review_count + ?)) END,
                    rating_sum = rating_sum + ?,
                    review_count = review_count + ?
                WHERE id = ?""", countDelta, ratingSumDelta, countDelta, ratingSumDelta, countDelta, productId);
        caches.productChanged(productId);
    }

    /**
     * Wishlist entries were added or removed. Popularity (sales + wishlists) only orders the
     * {@code popular} listing, which is not invalidated for it: cached pages catch up within their TTL.
     */
    public void wishlistsChanged(long productId, int delta) {
        jdbc.update("UPDATE product SET wishlist_count = wishlist_count + ?, popularity = popularity + ? WHERE id = ?",
                delta, delta, productId);
    }
}
