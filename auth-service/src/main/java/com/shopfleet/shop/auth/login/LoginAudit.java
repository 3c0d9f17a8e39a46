package com.shopfleet.shop.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The login audit in {@code shop_auth.login_attempt}: every attempt with its time, outcome, client
 * address and User-Agent (and the account, when known), kept for the configured retention. Written in
 * its own statement, so a refused login is recorded although the request fails. Each attempt also
 * counts in {@code shop_auth_logins_total{outcome}} (login failures on the dashboards and alerts).
 */
@Component
public class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    private static final int PURGE_BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    LoginAudit(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    public void record(LoginOutcome outcome, Long userId, String email, String clientIp, String userAgent) {
        jdbc.update("INSERT INTO login_attempt (occurred_at, outcome, user_id, email, client_ip, user_agent) "
                + "VALUES (?, ?, ?, ?, ?, ?)", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), outcome.name(),
                userId, cut(email, 254), cut(clientIp, 45), cut(userAgent, 255));
        Counter.builder("shop.auth.logins").description("Login attempts by outcome")
                .tag("outcome", outcome.name()).register(meters).increment();
    }

    /** Withdrawal: the attempts keep time and outcome, nothing that identifies the person. */
    public void forget(long userId, String normalizedEmail) {
        jdbc.update("UPDATE login_attempt SET email = NULL, client_ip = NULL, user_agent = NULL WHERE user_id = ?", userId);
        if (normalizedEmail != null) {
            jdbc.update("UPDATE login_attempt SET email = NULL, client_ip = NULL, user_agent = NULL WHERE email = ?",
                    normalizedEmail);
        }
    }

    /** Deletes attempts older than {@code retention}, in batches; returns how many. */
    public int purgeOlderThan(Duration retention) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM login_attempt WHERE occurred_at < ? LIMIT " + PURGE_BATCH, cutoff);
            total += deleted;
        }
        while (deleted == PURGE_BATCH);
        if (total > 0) {
            log.info("Deleted {} login attempt(s) older than {}", total, retention);
        }
        return total;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
