package com.shopfleet.shop.auth.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.EmailAddress;
import com.shopfleet.shop.auth.account.Passwords;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.auth.credentials.Credentials;
import com.shopfleet.shop.auth.credentials.EncryptedCredentials;
import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * Password reset by a 6-digit one-time code: the request always answers 202 (nobody learns whether
 * the email has an account); for an active account a code is stored hashed (salted SHA-256) in Redis
 * for 10 minutes and {@code PasswordResetRequested} carries it to the notification worker. A
 * confirmation spends one of the code's attempts atomically; the right code sets the new password
 * (from encrypted credentials) and ends every session and remember-me series of the account.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    static final String CODE_PREFIX = "shop:auth:password-reset:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 1 = right code (now used up), 0 = wrong, -1 = no code (missing, expired or out of attempts). */
    private static final RedisScript<Long> SPEND_ATTEMPT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return -1
            end
            local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            if attempts > tonumber(ARGV[2]) then
              redis.call('DEL', KEYS[1])
              return -1
            end
            if redis.call('HGET', KEYS[1], 'hash') == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            if attempts >= tonumber(ARGV[2]) then
              redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final Accounts accounts;
    private final Passwords passwords;
    private final EncryptedCredentials encryptedCredentials;
    private final UserSessions sessions;
    private final RememberMe rememberMe;
    private final RecoveryLimits limits;
    private final StringRedisTemplate redis;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final RecoveryProperties properties;

    PasswordReset(Accounts accounts, Passwords passwords, EncryptedCredentials encryptedCredentials, UserSessions sessions,
            RememberMe rememberMe, RecoveryLimits limits, StringRedisTemplate redis, Outbox outbox,
            TransactionTemplate transactions, RecoveryProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.encryptedCredentials = encryptedCredentials;
        this.sessions = sessions;
        this.rememberMe = rememberMe;
        this.limits = limits;
        this.redis = redis;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    public void request(String email, String clientIp) {
        limits.countRequest(clientIp);
        accounts.findActiveByEmail(email).ifPresent(user -> {
            if (!limits.allowMessage("password-reset", user.id(), true)) {
                log.info("Password reset for user {} not sent again so soon", user.id());
                return;
            }
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            byte[] saltBytes = new byte[16];
            RANDOM.nextBytes(saltBytes);
            String salt = HexFormat.of().formatHex(saltBytes);
            String key = CODE_PREFIX + user.id();
            redis.delete(key);
            redis.opsForHash().putAll(key, Map.of("hash", hash(salt, code), "salt", salt, "attempts", "0"));
            redis.expire(key, properties.codeTtl());
            transactions.executeWithoutResult(status -> outbox.record(
                    new PasswordResetRequested(user.id(), user.email(), user.name(), user.locale(), code), user.version()));
        });
    }

    public void confirm(String email, String code, String compactCredentials, String clientIp) {
        limits.countRequest(clientIp);
        Credentials credentials = encryptedCredentials.open("credentials", compactCredentials);
        if (!EmailAddress.normalize(credentials.email()).equals(EmailAddress.normalize(email))) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("credentials", "error.auth.credentials.emailMismatch"));
        }
        User user = accounts.findActiveByEmail(email).orElseThrow(PasswordReset::invalidCode);
        passwords.requireAcceptable("credentials", credentials.password(), user.email());
        String key = CODE_PREFIX + user.id();
        Object salt = redis.opsForHash().get(key, "salt");
        if (salt == null) {
            throw invalidCode();
        }
        Long spent = redis.execute(SPEND_ATTEMPT, List.of(key), hash(salt.toString(), code),
                Integer.toString(properties.maxCodeAttempts()));
        if (spent == null || spent != 1) {
            throw invalidCode();
        }
        accounts.changePassword(user.id(), credentials.password(), "credentials");
        sessions.endAll(user.id());
        rememberMe.revokeAll(user.id());
    }

    private static ShopException invalidCode() {
        return ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("code", "error.auth.reset.codeInvalid"));
    }

    private static String hash(String salt, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
