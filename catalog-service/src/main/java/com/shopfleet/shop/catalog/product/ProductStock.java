package com.shopfleet.shop.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock counters on the product row, changed only by conditional, atomic UPDATE statements in the
 * caller's transaction: {@code available} never goes below zero (the condition, and a CHECK constraint
 * behind it), and each statement locks the row it changes, so callers that touch several products do it
 * in ascending id order. Whether a product is sold out follows from {@code available}; callers announce
 * the products whose availability crossed zero ({@link #announceStatusChanges}).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ProductStock {

    private final JdbcTemplate jdbc;
    private final ProductChanges changes;

    ProductStock(JdbcTemplate jdbc, ProductChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Moves {@code quantity} from available to reserved if that much is available and the product is on
     * sale; answers the available stock after the move, or empty when nothing was reserved.
     */
    public OptionalInt tryReserve(long productId, int quantity) {
        requirePositive(quantity);
        int updated = jdbc.update("""
                UPDATE product SET stock_available = stock_available - ?, stock_reserved = stock_reserved + ?
                WHERE id = ? AND stock_available >= ? AND deleted = FALSE AND status = 'ON_SALE'""",
                quantity, quantity, productId, quantity);
        return updated == 1 ? OptionalInt.of(available(productId)) : OptionalInt.empty();
    }

    /** Returns reserved stock to available (a released or compensated reservation); the available after. */
    public int unreserve(long productId, int quantity) {
        requirePositive(quantity);
        expectOne(jdbc.update("""
                UPDATE product SET stock_available = stock_available + ?, stock_reserved = stock_reserved - ?
                WHERE id = ? AND stock_reserved >= ?""", quantity, quantity, productId, quantity),
                "unreserve", productId, quantity);
        return available(productId);
    }

    /** Reserved stock was sold (order confirmed): it counts as a sale, for popularity too. */
    public void sell(long productId, int quantity) {
        requirePositive(quantity);
        expectOne(jdbc.update("""
                UPDATE product SET stock_reserved = stock_reserved - ?, stock_sold = stock_sold + ?,
                                   popularity = popularity + ?
                WHERE id = ? AND stock_reserved >= ?""", quantity, quantity, quantity, productId, quantity),
                "sell", productId, quantity);
    }

    /** A sale was undone (confirmed order cancelled before shipping): back to available; the available after. */
    public int unsell(long productId, int quantity) {
        requirePositive(quantity);
        expectOne(jdbc.update("""
                UPDATE product SET stock_available = stock_available + ?, stock_sold = stock_sold - ?,
                                   popularity = popularity - ?
                WHERE id = ? AND stock_sold >= ?""", quantity, quantity, quantity, productId, quantity),
                "unsell", productId, quantity);
        return available(productId);
    }

    /** The product's counters, its row locked until the transaction ends; empty for an unknown product. */
    public Optional<StockLevel> lock(long productId) {
        return level(productId, " FOR UPDATE");
    }

    /** The product's counters as committed (or as this transaction changed them). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<StockLevel> level(long productId) {
        return level(productId, "");
    }

    /** Sets the available stock of a product whose row the caller locked ({@link #lock}). */
    public void setAvailable(long productId, int available) {
        if (available < 0) {
            throw new IllegalArgumentException("available stock must not be negative");
        }
        expectOne(jdbc.update("UPDATE product SET stock_available = ? WHERE id = ?", available, productId),
                "set", productId, available);
    }

    /** How many units could be reserved now: 0 for an unknown, deleted or not-on-sale product. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public int availableForSale(long productId) {
        return level(productId).filter(StockLevel::sellable).map(StockLevel::available).orElse(0);
    }

    /**
     * The products whose availability crossed zero in this transaction are now (or no longer) sold out:
     * {@code ProductChanged} goes out and their cached answers are invalidated. In ascending id order,
     * like every row lock here.
     */
    public void announceStatusChanges(Collection<Long> productIds) {
        for (long productId : new TreeSet<>(productIds)) {
            changes.countersChanged(productId);
        }
    }

    private Optional<StockLevel> level(long productId, String lock) {
        List<StockLevel> levels = jdbc.query("""
                SELECT stock_initial, stock_available, stock_reserved, stock_sold, status, deleted
                FROM product WHERE id = ?""" + lock, (rs, row) -> new StockLevel(productId,
                rs.getInt("stock_initial"), rs.getInt("stock_available"), rs.getInt("stock_reserved"),
                rs.getInt("stock_sold"),
                !rs.getBoolean("deleted") && ProductStatus.ON_SALE.name().equals(rs.getString("status")),
                rs.getBoolean("deleted")), productId);
        return levels.stream().findFirst();
    }

    private int available(long productId) {
        return jdbc.queryForObject("SELECT stock_available FROM product WHERE id = ?", Integer.class, productId);
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    private static void expectOne(int updated, String operation, long productId, int quantity) {
        if (updated != 1) {
            throw new IllegalStateException("Stock " + operation + " of " + quantity + " for product " + productId
                    + " does not match its counters");
        }
    }
}
