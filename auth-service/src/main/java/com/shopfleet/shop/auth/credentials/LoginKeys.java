package com.shopfleet.shop.auth.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The login key pairs, shared by every instance through {@code shop_auth.login_key}. Time is cut
 * into periods of {@code rotation} aligned to the epoch; each period has exactly one key, created by
 * whichever instance needs it first (the unique {@code not_before} makes a second insert fail, and
 * the loser reads the winner's key). A key is served until its period ends and accepted for
 * {@code grace} more; the rotation task creates the next key ahead of time and deletes keys past
 * their grace. Private keys are held in memory once read and stored wrapped when a wrapping key is
 * configured.
 */
public class LoginKeys {

    private static final Logger log = LoggerFactory.getLogger(LoginKeys.class);

    private static final int MAX_ID_LENGTH = 36;

    private final JdbcTemplate jdbc;
    private final LoginKeyProperties properties;
    private final KeyWrapping wrapping;
    private final Clock clock;
    private final ConcurrentMap<String, LoginKey> known = new ConcurrentHashMap<>();
    private final ReentrantLock creating = new ReentrantLock();
    private volatile LoginKey current;

    public LoginKeys(JdbcTemplate jdbc, LoginKeyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.wrapping = KeyWrapping.from(properties);
        this.clock = clock;
        if (!wrapping.enabled()) {
            log.warn("No shop.auth.login-key.wrapping-key: login private keys are stored unwrapped in login_key");
        }
    }

    /** The key browsers should encrypt with now (created on first use in its period). */
    public LoginKey current() {
        Instant now = clock.instant();
        LoginKey key = current;
        if (isCurrent(key, now)) {
            return key;
        }
        creating.lock();
        try {
            key = current;
            if (!isCurrent(key, now)) {
                key = ensure(periodStart(now));
                current = key;
            }
            return key;
        }
        finally {
            creating.unlock();
        }
    }

    /** The key with this id if it may still decrypt: until its period's end plus the grace. */
    public Optional<LoginKey> acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        LoginKey key = known.get(id);
        if (key == null) {
            key = loadWhere("id = ?", id).orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            known.put(id, key);
        }
        return clock.instant().isBefore(key.expiresAt().plus(properties.grace())) ? Optional.of(key) : Optional.empty();
    }

    /**
     * The rotation task: the current key exists, the next one is created shortly before its period
     * starts (so no request waits for a key to be generated), keys past their grace are deleted.
     */
    public void rotate() {
        Instant now = clock.instant();
        Instant start = periodStart(now);
        ensure(start);
        Instant next = start.plus(properties.rotation());
        Duration lead = properties.rotation().dividedBy(10).compareTo(Duration.ofMinutes(10)) < 0
                ? properties.rotation().dividedBy(10) : Duration.ofMinutes(10);
        if (!now.isBefore(next.minus(lead))) {
            ensure(next);
        }
        Instant dead = now.minus(properties.grace());
        int deleted = jdbc.update("DELETE FROM login_key WHERE expires_at < ?", utc(dead));
        known.values().removeIf(key -> key.expiresAt().isBefore(dead));
        if (deleted > 0) {
            log.info("Deleted {} login key(s) past their grace", deleted);
        }
    }

    Instant periodStart(Instant now) {
        long period = properties.rotation().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
    }

    private static boolean isCurrent(LoginKey key, Instant now) {
        return key != null && !now.isBefore(key.notBefore()) && now.isBefore(key.expiresAt());
    }

    private LoginKey ensure(Instant notBefore) {
        return loadWhere("not_before = ?", utc(notBefore)).orElseGet(() -> create(notBefore));
    }

    private LoginKey create(Instant notBefore) {
        KeyPair pair = generate();
        String id = UUID.randomUUID().toString();
        Instant expiresAt = notBefore.plus(properties.rotation());
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String stored = wrapping.enabled() ? wrapping.wrap(id, pkcs8) : Base64.getEncoder().encodeToString(pkcs8);
        try {
            jdbc.update("INSERT INTO login_key (id, not_before, expires_at, public_key, private_key, wrapped, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, utc(notBefore), utc(expiresAt),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), stored, wrapping.enabled(),
                    utc(clock.instant()));
        }
        catch (DataIntegrityViolationException ex) {
            // another instance created this period's key first: use theirs
            return loadWhere("not_before = ?", utc(notBefore)).orElseThrow(() -> ex);
        }
        log.info("Created login key {} ({} bits), current from {} to {}", id, properties.size(), notBefore, expiresAt);
        LoginKey key = new LoginKey(id, notBefore, expiresAt, pair.getPublic(), pair.getPrivate());
        known.put(id, key);
        return key;
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.size());
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot generate an RSA login key", ex);
        }
    }

    private Optional<LoginKey> loadWhere(String condition, Object value) {
        List<LoginKey> keys = jdbc.query("SELECT id, not_before, expires_at, public_key, private_key, wrapped "
                + "FROM login_key WHERE " + condition, this::map, value);
        return keys.stream().findFirst();
    }

    private LoginKey map(ResultSet row, int number) throws SQLException {
        String id = row.getString("id");
        LoginKey cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row.getString("public_key"))));
            String stored = row.getString("private_key");
            byte[] pkcs8 = row.getBoolean("wrapped") ? wrapping.unwrap(id, stored) : Base64.getDecoder().decode(stored);
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            LoginKey key = new LoginKey(id, instant(row, "not_before"), instant(row, "expires_at"), publicKey, privateKey);
            known.put(id, key);
            return key;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Login key " + id + " is not a readable RSA key pair", ex);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
