package com.shopfleet.shop.auth.loadtest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code loadtest} profile's accounts ({@link LoadTestProperties}): a load generator needs
 * thousands of users that can log in, and signing each up costs an Argon2id hash (~10 users/s on a
 * 2-core VM). Here the password is hashed <em>once</em> with the service's encoder (the profile's,
 * {@link LoadTestPasswordConfiguration}, so a login verifies it as any other and nothing is
 * re-hashed), and the missing accounts are inserted in JDBC batches with that hash. They log in like anyone else, with
 * encrypted credentials. Unlike a signup, seeding publishes no {@code UserRegistered} (no welcome
 * mail or signup bonus for synthetic users). Only in the {@code loadtest} profile, which also binds
 * the service to the loopback address.
 */
@Component
@Profile("loadtest")
public class LoadTestUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadTestUsers.class);

    private static final int BATCH = 1_000;

    private static final String INSERT = """
            INSERT INTO users (email, email_normalized, name, phone, password_hash, role, locale, status,
                marketing_consent, age14_confirmed_at, terms_agreed_at, privacy_agreed_at, password_changed_at,
                created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, 'USER', 'ko', 'ACTIVE', FALSE, ?, ?, ?, ?, ?, ?, 0)""";

    private final LoadTestProperties properties;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public LoadTestUsers(LoadTestProperties properties, PasswordEncoder encoder, JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Inserts the accounts that are missing; returns how many it inserted. */
    public int seed() {
        if (properties.users() == 0) {
            return 0;
        }
        long started = System.nanoTime();
        Set<String> existing = new HashSet<>(jdbc.queryForList(
                "SELECT email_normalized FROM users WHERE email_normalized LIKE ?", String.class,
                properties.emailPrefix().toLowerCase(Locale.ROOT) + "%@" + properties.emailDomain().toLowerCase(Locale.ROOT)));
        String hash = encoder.encode(properties.password());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(BATCH);
        int inserted = 0;
        for (int n = 0; n < properties.users(); n++) {
            String email = properties.email(n);
            String normalized = email.toLowerCase(Locale.ROOT);
            if (existing.contains(normalized)) {
                continue;
            }
            rows.add(new Object[] { email, normalized, "부하" + n, properties.phone(n), hash, now, now, now, now, now, now });
            if (rows.size() == BATCH) {
                inserted += insert(rows);
            }
        }
        inserted += insert(rows);
        log.info("Load-test accounts: {} seeded, {} already there ({}<0..{}>@{}), in {} ms", inserted,
                properties.users() - inserted, properties.emailPrefix(), properties.users() - 1, properties.emailDomain(),
                (System.nanoTime() - started) / 1_000_000);
        return inserted;
    }

    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int count = rows.size();
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        rows.clear();
        return count;
    }
}
