package com.shopfleet.shop.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The login key store against a real (H2, MySQL mode) {@code login_key} table, with a clock the test
 * moves: one key per period however many instances ask at once, rotation, the grace, cleanup and
 * wrapping of private keys. The same store runs on MariaDB in {@code AuthMariaDbTests}.
 */
class LoginKeysTests {

    static final Duration ROTATION = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofHours(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() throws Exception {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:keys-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    static LoginKeyProperties properties(String wrappingKey) {
        return new LoginKeyProperties(2048, ROTATION, GRACE, wrappingKey, false, Duration.ofMinutes(1));
    }

    @Test
    void instancesAskingAtOnceShareOneKeyPerPeriod() throws Exception {
        List<LoginKeys> instances = List.of(new LoginKeys(jdbc, properties(null), clock),
                new LoginKeys(jdbc, properties(null), clock), new LoginKeys(jdbc, properties(null), clock));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> asks = new ArrayList<>();
        for (LoginKeys instance : instances) {
            for (int i = 0; i < 2; i++) {
                asks.add(() -> {
                    start.await();
                    return instance.current().id();
                });
            }
        }
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(asks.size())) {
            List<Future<String>> futures = asks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void theKeyRotatesAtThePeriodsEndAndTheOldOneIsAcceptedForTheGrace() {
        LoginKeys keys = new LoginKeys(jdbc, properties(null), clock);
        LoginKey first = keys.current();
        assertThat(first.notBefore()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));

        clock.set(first.expiresAt().plusSeconds(1));
        LoginKey second = keys.current();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(keys.acceptable(first.id())).isPresent();

        clock.set(first.expiresAt().plus(GRACE).plusSeconds(1));
        assertThat(keys.acceptable(first.id())).isEmpty();
        assertThat(keys.acceptable(second.id())).isPresent();
        keys.rotate();
        assertThat(jdbc.queryForList("SELECT id FROM login_key", String.class)).containsExactly(second.id());
        assertThat(keys.acceptable(UUID.randomUUID().toString())).isEmpty();
        assertThat(keys.acceptable("x".repeat(500))).isEmpty();
    }

    @Test
    void theRotationTaskCreatesTheNextKeyBeforeItIsNeeded() {
        LoginKeys keys = new LoginKeys(jdbc, properties(null), clock);
        keys.rotate();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_key", Integer.class)).isEqualTo(1);

        clock.set(Instant.parse("2026-11-26T23:55:00Z"));
        keys.rotate();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_key", Integer.class)).isEqualTo(2);

        clock.set(Instant.parse("2026-11-27T00:00:01Z"));
        LoginKeys otherInstance = new LoginKeys(jdbc, properties(null), clock);
        assertThat(otherInstance.current().id()).isEqualTo(keys.current().id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_key", Integer.class)).isEqualTo(2);
    }

    @Test
    void privateKeysAreStoredWrappedWhenAWrappingKeyIsConfigured() {
        String wrappingKey = Base64.getEncoder().encodeToString(new byte[32]);
        LoginKeys keys = new LoginKeys(jdbc, properties(wrappingKey), clock);
        LoginKey key = keys.current();

        String stored = jdbc.queryForObject("SELECT private_key FROM login_key WHERE id = ?", String.class, key.id());
        assertThat(jdbc.queryForObject("SELECT wrapped FROM login_key WHERE id = ?", Boolean.class, key.id())).isTrue();
        assertThat(Base64.getDecoder().decode(stored)).isNotEqualTo(key.privateKey().getEncoded());
        assertThat(new LoginKeys(jdbc, properties(wrappingKey), clock).acceptable(key.id()).orElseThrow().privateKey())
                .isEqualTo(key.privateKey());
        assertThatIllegalStateException().isThrownBy(() -> new LoginKeys(jdbc, properties(null), clock).acceptable(key.id()))
                .withMessageContaining("wrapping-key");
        String otherKey = Base64.getEncoder().encodeToString("another-wrapping-key-of-32-bytes".getBytes());
        assertThatIllegalStateException().isThrownBy(() -> new LoginKeys(jdbc, properties(otherKey), clock).acceptable(key.id()));
    }

    @Test
    void productionRefusesToStartWithoutAWrappingKey() {
        assertThatIllegalStateException().isThrownBy(() -> new LoginKeys(jdbc,
                new LoginKeyProperties(2048, ROTATION, GRACE, "", true, Duration.ofMinutes(1)), clock))
                .withMessageContaining("SHOP_AUTH_LOGIN_KEY_WRAPPING_KEY");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
