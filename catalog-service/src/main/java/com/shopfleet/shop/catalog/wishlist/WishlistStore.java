package com.shopfleet.shop.catalog.wishlist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The wishlist tables: {@code wishlist_item} (one row per user and product, the primary key makes adding
 * idempotent) and {@code wishlist_owner} (the user's item count, capped by a conditional UPDATE, so
 * concurrent adds never exceed the limit).
 */
@Repository
class WishlistStore {

    private final JdbcTemplate jdbc;

    WishlistStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the product was already in the wishlist (also when a concurrent add got there first). */
    boolean insertItem(long userId, long productId, Instant now) {
        try {
            jdbc.update("INSERT INTO wishlist_item (user_id, product_id, created_at) VALUES (?, ?, ?)", userId,
                    productId, Timestamp.from(now));
            return true;
        }
        catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    boolean deleteItem(long userId, long productId) {
        return jdbc.update("DELETE FROM wishlist_item WHERE user_id = ? AND product_id = ?", userId, productId) == 1;
    }

    boolean exists(long userId, long productId) {
        return !jdbc.queryForList("SELECT 1 FROM wishlist_item WHERE user_id = ? AND product_id = ?", Integer.class,
                userId, productId).isEmpty();
    }

    /** Counts one more item if the user has fewer than {@code max}; false when the wishlist is full. */
    boolean countOneMore(long userId, int max) {
        try {
            jdbc.update("INSERT INTO wishlist_owner (user_id, item_count) VALUES (?, 0)", userId);
        }
        catch (DuplicateKeyException known) {
            // the user has a wishlist already
        }
        return jdbc.update("UPDATE wishlist_owner SET item_count = item_count + 1 WHERE user_id = ? AND item_count < ?",
                userId, max) == 1;
    }

    void countOneLess(long userId) {
        jdbc.update("UPDATE wishlist_owner SET item_count = item_count - 1 WHERE user_id = ? AND item_count > 0", userId);
    }

    long count(long userId) {
        List<Long> counts = jdbc.queryForList("SELECT item_count FROM wishlist_owner WHERE user_id = ?", Long.class,
                userId);
        return counts.isEmpty() ? 0 : counts.getFirst();
    }

    List<Entry> page(long userId, int page, int size) {
        return jdbc.query("""
                SELECT product_id, created_at FROM wishlist_item WHERE user_id = ?
                ORDER BY created_at DESC, product_id DESC LIMIT ? OFFSET ?""",
                (rs, row) -> new Entry(rs.getLong("product_id"), rs.getTimestamp("created_at").toInstant()), userId,
                size, (long) page * size);
    }

    List<Long> productsOf(long userId) {
        return jdbc.queryForList("SELECT product_id FROM wishlist_item WHERE user_id = ? ORDER BY product_id",
                Long.class, userId);
    }

    void deleteAll(long userId) {
        jdbc.update("DELETE FROM wishlist_item WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM wishlist_owner WHERE user_id = ?", userId);
    }

    record Entry(long productId, Instant addedAt) {
    }
}
