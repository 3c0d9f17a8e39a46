package com.shopfleet.shop.order.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;

/**
 * The points wallet: a balance row per user and an append-only ledger. Every change is one
 * conditional {@code UPDATE} of the balance row (it never goes below zero, whatever runs
 * concurrently: the row lock serializes spends and the condition refuses the one that no longer
 * fits) plus one ledger line whose unique {@code source_key} makes the change idempotent — the same
 * prize, bonus or order step applied twice changes the balance once.
 */
@Service
public class PointsWallet {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PointsWallet(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Credits points (prize, bonus) once per {@code sourceKey}; false when that source was credited before. */
    @Transactional
    public boolean credit(long userId, long amount, PointEntryType type, String sourceKey, String description) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a credit must be positive: " + amount);
        }
        if (alreadyApplied(sourceKey)) {
            return false;
        }
        ensureWallet(userId);
        return apply(userId, type, amount, 0, sourceKey, null, description);
    }

    /** Sets points aside for a placed order; refused (422) when the balance no longer covers them. */
    @Transactional
    public void hold(long userId, long orderId, String orderNumber, long amount) {
        orderStep(userId, orderId, orderNumber, PointEntryType.ORDER_HOLD, -amount, amount);
    }

    /** Gives back what an order held (rejected, or cancelled before payment). */
    @Transactional
    public void release(long userId, long orderId, String orderNumber, long amount) {
        orderStep(userId, orderId, orderNumber, PointEntryType.ORDER_RELEASE, amount, -amount);
    }

    /** A paid order spends what it held. */
    @Transactional
    public void capture(long userId, long orderId, String orderNumber, long amount) {
        orderStep(userId, orderId, orderNumber, PointEntryType.ORDER_CAPTURE, 0, -amount);
    }

    /** Gives back what a paid and then cancelled order spent. */
    @Transactional
    public void refund(long userId, long orderId, String orderNumber, long amount) {
        orderStep(userId, orderId, orderNumber, PointEntryType.ORDER_REFUND, amount, 0);
    }

    @Transactional(readOnly = true)
    public PointBalance balance(long userId) {
        List<PointBalance> rows = jdbc.query("SELECT balance, held FROM point_wallet WHERE user_id = ?",
                (rs, row) -> new PointBalance(rs.getLong(1), rs.getLong(2)), userId);
        return rows.isEmpty() ? PointBalance.EMPTY : rows.getFirst();
    }

    /** The user's ledger, newest first. */
    @Transactional(readOnly = true)
    public Page<PointEntry> history(long userId, Pageable page) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM point_ledger WHERE user_id = ?", Long.class, userId);
        List<PointEntry> content = jdbc.query("""
                SELECT id, entry_type, amount, held_change, balance_after, order_id, description, created_at
                FROM point_ledger WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""",
                PointsWallet::entry, userId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(content, page, total == null ? 0 : total);
    }

    private void orderStep(long userId, long orderId, String orderNumber, PointEntryType type, long amount,
            long heldChange) {
        if (amount == 0 && heldChange == 0) {
            return;
        }
        String sourceKey = "order:" + orderId + ":" + type.name();
        if (alreadyApplied(sourceKey)) {
            return;
        }
        if (!apply(userId, type, amount, heldChange, sourceKey, orderId, orderNumber)) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.points.insufficient", "usePoints",
                    "error.points.insufficient");
        }
    }

    /**
     * One conditional update of the balance row and its ledger line. False when the row is missing or
     * the change would take the balance or the held points below zero. A concurrent application of
     * the same source fails on the ledger's unique key and rolls its transaction back.
     */
    private boolean apply(long userId, PointEntryType type, long amount, long heldChange, String sourceKey,
            Long orderId, String description) {
        LocalDateTime now = utc(clock.instant());
        int updated = jdbc.update("""
                UPDATE point_wallet SET balance = balance + ?, held = held + ?, updated_at = ?
                WHERE user_id = ? AND balance + ? >= 0 AND held + ? >= 0""",
                amount, heldChange, now, userId, amount, heldChange);
        if (updated == 0) {
            return false;
        }
        Long balanceAfter = jdbc.queryForObject("SELECT balance FROM point_wallet WHERE user_id = ?", Long.class, userId);
        jdbc.update("""
                INSERT INTO point_ledger (user_id, entry_type, amount, held_change, balance_after, source_key, order_id,
                                          description, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                userId, type.name(), amount, heldChange, balanceAfter, sourceKey, orderId,
                description == null ? null : clip(description, 200), now);
        return true;
    }

    private boolean alreadyApplied(String sourceKey) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM point_ledger WHERE source_key = ?", Integer.class,
                sourceKey);
        return count != null && count > 0;
    }

    private void ensureWallet(long userId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM point_wallet WHERE user_id = ?", Integer.class, userId);
        if (count != null && count > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO point_wallet (user_id, balance, held, updated_at) VALUES (?, 0, 0, ?)", userId,
                    utc(clock.instant()));
        }
        catch (DuplicateKeyException createdConcurrently) {
            // another transaction opened the wallet first: use it
        }
    }

    private static PointEntry entry(ResultSet rs, int row) throws SQLException {
        long orderId = rs.getLong("order_id");
        Long order = rs.wasNull() ? null : orderId;
        LocalDateTime created = rs.getObject("created_at", LocalDateTime.class);
        return new PointEntry(rs.getLong("id"), PointEntryType.valueOf(rs.getString("entry_type")), rs.getLong("amount"),
                rs.getLong("held_change"), rs.getLong("balance_after"), order, rs.getString("description"),
                created.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
