package com.shopfleet.shop.event.winner;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.shopfleet.shop.event.admission.PersistedWinners;

/**
 * The {@code event_winner} table, with plain JDBC: the drain inserts hundreds of rows per batch
 * and staff export them as CSV, neither of which needs an entity. Times are stored in UTC.
 */
@Repository
public class Winners implements PersistedWinners {

    private static final String COLUMNS = "event_id, user_id, prize_rank, won_at, persisted_at";

    private final JdbcTemplate jdbc;

    Winners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(long eventId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM event_winner WHERE event_id = ?", Long.class, eventId);
        return count == null ? 0 : count;
    }

    @Override
    public OptionalInt rankOf(long eventId, long userId) {
        List<Integer> ranks = jdbc.queryForList("SELECT prize_rank FROM event_winner WHERE event_id = ? AND user_id = ?",
                Integer.class, eventId, userId);
        return ranks.isEmpty() ? OptionalInt.empty() : OptionalInt.of(ranks.getFirst());
    }

    @Override
    public void forEach(long eventId, Consumer<UserRank> action) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT user_id, prize_rank FROM event_winner WHERE event_id = ? ORDER BY prize_rank, user_id");
            statement.setFetchSize(1000);
            statement.setLong(1, eventId);
            return statement;
        }, (ResultSet rs) -> {
            action.accept(new UserRank(rs.getLong(1), rs.getInt(2)));
        });
    }

    /** Every stored winner of an event in rank order, streamed (for the CSV export). */
    void forEachWinner(long eventId, Consumer<Winner> action) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM event_winner WHERE event_id = ? ORDER BY prize_rank, user_id");
            statement.setFetchSize(1000);
            statement.setLong(1, eventId);
            return statement;
        }, (ResultSet rs) -> {
            action.accept(winner(rs));
        });
    }

    List<Winner> page(long eventId, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS
                + " FROM event_winner WHERE event_id = ? ORDER BY prize_rank, user_id LIMIT ? OFFSET ?",
                (rs, row) -> winner(rs), eventId, size, (long) page * size);
    }

    /** Which of these users are stored winners of the event already. */
    Set<Long> storedAmong(long eventId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(",", Collections.nCopies(userIds.size(), "?"));
        List<Object> args = new ArrayList<>(userIds.size() + 1);
        args.add(eventId);
        args.addAll(userIds);
        return new HashSet<>(jdbc.queryForList(
                "SELECT user_id FROM event_winner WHERE event_id = ? AND user_id IN (" + marks + ")", Long.class,
                args.toArray()));
    }

    void insert(long eventId, List<StreamWinner> winners, Instant now) {
        LocalDateTime persistedAt = utc(now);
        jdbc.batchUpdate("INSERT INTO event_winner (" + COLUMNS + ", stream_id) VALUES (?, ?, ?, ?, ?, ?)", winners,
                500, (statement, winner) -> {
                    statement.setLong(1, eventId);
                    statement.setLong(2, winner.userId());
                    statement.setInt(3, winner.rank());
                    statement.setObject(4, utc(winner.wonAt()));
                    statement.setObject(5, persistedAt);
                    statement.setString(6, winner.streamId());
                });
    }

    private static Winner winner(ResultSet rs) throws SQLException {
        return new Winner(rs.getLong("event_id"), rs.getLong("user_id"), rs.getInt("prize_rank"),
                rs.getObject("won_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject("persisted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
