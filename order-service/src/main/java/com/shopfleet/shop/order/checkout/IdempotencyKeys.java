package com.shopfleet.shop.order.checkout;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * {@code Idempotency-Key}s of checkout (CONTRACTS §5), per user, in the database: a key is claimed
 * IN_PROGRESS in its own short transaction (the unique key lets exactly one concurrent request
 * win), turned DONE with the response in the transaction that places the order, and forgotten if
 * the request fails, so nothing was placed and the buyer may retry — with the same body or a
 * corrected one. Same key and body again → the stored response; another body → 422
 * {@code IDEMPOTENCY_KEY_REUSED}; while the first still runs → 409 {@code IDEMPOTENCY_IN_PROGRESS}.
 */
@Component
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper jsonMapper;
    private final CheckoutProperties properties;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper jsonMapper,
            CheckoutProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.clock = clock;
    }

    sealed interface Claim {

        /** This request owns the key now. */
        record Claimed(long id) implements Claim {
        }

        /** The key's request was done before: its response. */
        record Replay(PlacedOrder response) implements Claim {
        }
    }

    Claim claim(long userId, String key, String requestHash) {
        try {
            return transactions.execute(status -> claimInTransaction(userId, key, requestHash));
        }
        catch (PessimisticLockingFailureException contended) {
            // another request for the same key holds it right now
            throw new ShopException(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
        }
    }

    private Claim claimInTransaction(long userId, String key, String requestHash) {
        Instant now = clock.instant();
        try {
            GeneratedKeyHolder generated = new GeneratedKeyHolder();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO idempotency_key (user_id, idem_key, request_hash, state, created_at, updated_at)
                        VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                insert.setLong(1, userId);
                insert.setString(2, key);
                insert.setString(3, requestHash);
                insert.setObject(4, utc(now));
                insert.setObject(5, utc(now));
                return insert;
            }, generated);
            return new Claim.Claimed(generated.getKeyAs(Number.class).longValue());
        }
        catch (DuplicateKeyException taken) {
            return existing(userId, key, requestHash, now);
        }
    }

    private Claim existing(long userId, String key, String requestHash, Instant now) {
        List<Row> rows = jdbc.query("""
                SELECT id, request_hash, state, response_body, created_at, updated_at
                FROM idempotency_key WHERE user_id = ? AND idem_key = ?""",
                (rs, n) -> new Row(rs.getLong("id"), rs.getString("request_hash"), rs.getString("state"),
                        rs.getString("response_body"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("updated_at", LocalDateTime.class)),
                userId, key);
        if (rows.isEmpty()) {
            // the holder gave it up a moment ago: the client's retry will claim it
            throw new ShopException(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
        }
        Row row = rows.getFirst();
        if (row.createdAt().isBefore(utc(now.minus(properties.idempotencyTtl())))) {
            // remembered longer than promised: the key is free again
            return takeOver(row, requestHash, now, "created_at < ?", utc(now.minus(properties.idempotencyTtl())));
        }
        if (!row.requestHash().equals(requestHash)) {
            throw new ShopException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if ("DONE".equals(row.state())) {
            return new Claim.Replay(jsonMapper.readValue(row.responseBody(), PlacedOrder.class));
        }
        if (row.updatedAt().isBefore(utc(now.minus(properties.idempotencyLease())))) {
            log.warn("Idempotency key {} of user {} was left IN_PROGRESS: taking it over", row.id(), userId);
            return takeOver(row, requestHash, now, "state = 'IN_PROGRESS' AND updated_at = ?", row.updatedAt());
        }
        throw new ShopException(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
    }

    private Claim takeOver(Row row, String requestHash, Instant now, String condition, LocalDateTime value) {
        int updated = jdbc.update("""
                UPDATE idempotency_key SET request_hash = ?, state = 'IN_PROGRESS', response_status = NULL,
                                           response_body = NULL, created_at = ?, updated_at = ?
                WHERE id = ? AND\s""" + condition, requestHash, utc(now), utc(now), row.id(), value);
        if (updated == 1) {
            return new Claim.Claimed(row.id());
        }
        throw new ShopException(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
    }

    /** In the transaction that placed the order: the key is DONE with the response to replay. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(long id, int status, PlacedOrder response) {
        jdbc.update("""
                UPDATE idempotency_key SET state = 'DONE', response_status = ?, response_body = ?, updated_at = ?
                WHERE id = ?""", status, jsonMapper.writeValueAsString(response), utc(clock.instant()), id);
    }

    /** The request failed and placed nothing: the key is free again. */
    void release(long id) {
        try {
            transactions.executeWithoutResult(status -> jdbc.update(
                    "DELETE FROM idempotency_key WHERE id = ? AND state = 'IN_PROGRESS'", id));
        }
        catch (RuntimeException ex) {
            // it frees itself after the lease
            log.warn("Could not release idempotency key {}: {}", id, ex.toString());
        }
    }

    /** Forgets keys older than the TTL; returns how many. */
    int forgetExpired() {
        return transactions.execute(status -> jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?",
                utc(clock.instant().minus(properties.idempotencyTtl()))));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Row(long id, String requestHash, String state, String responseBody, LocalDateTime createdAt,
            LocalDateTime updatedAt) {
    }
}
