package com.shopfleet.shop.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import com.shopfleet.shop.auth.ratelimit.FixedWindowLimiter;
import com.shopfleet.shop.auth.ratelimit.FixedWindowLimiter.Reservation;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Brute-force limits on password checks, per account (the normalized email, whether or not it
 * exists, so a lock tells nothing) and per client address. Each check is counted before the password
 * is compared, so parallel guesses cannot slip past the limit; a success clears the account's
 * failures and gives the address its count back.
 */
@Component
public class LoginThrottle {

    private static final String ACCOUNT_PREFIX = "shop:auth:login-failures:account:";
    private static final String IP_PREFIX = "shop:auth:login-failures:ip:";

    private final FixedWindowLimiter limiter;
    private final LoginProperties properties;

    LoginThrottle(FixedWindowLimiter limiter, LoginProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    /**
     * Counts a password check for {@code normalizedEmail} from {@code clientIp}.
     *
     * @throws ShopException 429 {@code RATE_LIMITED} with {@code Retry-After} when either is locked
     */
    public Attempt begin(String normalizedEmail, String clientIp) {
        Reservation ip = clientIp == null ? null
                : limiter.reserve(IP_PREFIX + clientIp, properties.maxFailuresPerIp(), properties.failureWindow());
        try {
            Reservation account = limiter.reserve(ACCOUNT_PREFIX + digest(normalizedEmail),
                    properties.maxFailuresPerAccount(), properties.failureWindow());
            return new Attempt(account, ip);
        }
        catch (ShopException limited) {
            if (ip != null) {
                ip.release();
            }
            throw limited;
        }
    }

    /** A counted password check: a failure keeps its counts, a success clears them. */
    public static final class Attempt {

        private final Reservation account;
        private final Reservation ip;

        private Attempt(Reservation account, Reservation ip) {
            this.account = account;
            this.ip = ip;
        }

        public void succeeded() {
            account.reset();
            if (ip != null) {
                ip.release();
            }
        }
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
