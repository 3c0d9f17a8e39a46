package com.shopfleet.shop.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Mints internal identity tokens in tests, as the gateway would. A service under test trusts them
 * when started with {@link #SIGNING_KEY_PROPERTY} (a key that exists only in tests).
 */
public final class TestIdentities {

    /** 32 bytes, base64url: for tests only, never configured anywhere else. */
    public static final String SIGNING_KEY = "c2hvcC1mbGVldC10ZXN0LWlkZW50aXR5LWtleS0yNTY";

    public static final String SIGNING_KEY_PROPERTY = "shop.identity.signing-key=" + SIGNING_KEY;

    private static final IdentityTokens TOKENS = tokens(Clock.systemUTC());

    private TestIdentities() {
    }

    public static ShopIdentity identity(long userId, Role role) {
        return new ShopIdentity(userId, role, "김민수", Locale.KOREAN, "203.0.113.7", "test-session-" + userId,
                Instant.now());
    }

    /** A valid token for {@code audience} (a service's {@code spring.application.name}). */
    public static String token(String audience, long userId, Role role) {
        return TOKENS.mint(identity(userId, role), audience);
    }

    public static String token(String audience, ShopIdentity identity) {
        return TOKENS.mint(identity, audience);
    }

    /** A token that expired ten minutes ago. */
    public static String expiredToken(String audience, long userId, Role role) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        return tokens(past).mint(identity(userId, role), audience);
    }

    /** A well-formed token signed with some other key. */
    public static String forgedToken(String audience, long userId, Role role) {
        return new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60), Duration.ZERO, Clock.systemUTC())
                .mint(identity(userId, role), audience);
    }

    private static IdentityTokens tokens(Clock clock) {
        return new IdentityTokens(IdentityTokens.decodeKey(SIGNING_KEY), Duration.ofSeconds(60), Duration.ofSeconds(5), clock);
    }
}
