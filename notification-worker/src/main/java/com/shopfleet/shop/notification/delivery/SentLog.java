package com.shopfleet.shop.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code sent_notification}: one row per event and channel. {@link #claim} inserts the row inside the
 * transaction that sends the message, so a second claim of the same event and channel — a
 * redelivery, a replay, or a concurrent delivery on another instance (its insert waits for the
 * first transaction) — fails on the primary key and sends nothing.
 */
public class SentLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SentLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the event was already sent on the channel (a cheap check before preparing it again). */
    public boolean contains(UUID eventId, Channel channel) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sent_notification WHERE event_id = ? AND channel = ?", Integer.class,
                eventId.toString(), channel.name());
        return count != null && count > 0;
    }

    /** True when nobody sent this event on this channel yet (and now this transaction has, if it commits). */
    public boolean claim(UUID eventId, Channel channel, String eventType, Long userId, String maskedRecipient) {
        try {
            jdbc.update("INSERT INTO sent_notification (event_id, channel, event_type, user_id, recipient, sent_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", eventId.toString(), channel.name(), eventType, userId,
                    truncate(maskedRecipient, 100), Timestamp.from(clock.instant()));
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** Withdrawal: the rows stay (they still guard against doubles) without who they went to. */
    public int forgetUser(long userId) {
        return jdbc.update("UPDATE sent_notification SET user_id = NULL, recipient = NULL WHERE user_id = ?", userId);
    }

    public int forgetOlderThan(Duration retention) {
        return jdbc.update("DELETE FROM sent_notification WHERE sent_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
