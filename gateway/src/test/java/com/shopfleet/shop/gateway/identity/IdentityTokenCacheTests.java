package com.shopfleet.shop.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

class IdentityTokenCacheTests {

    private static final Instant AUTH_TIME = Instant.parse("2026-11-26T12:00:00Z");

    private final IdentityTokens tokens = new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Clock.systemUTC());
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final IdentityTokenCache cache = new IdentityTokenCache(tokens, Duration.ofSeconds(5), 3, nanos::get);

    @Test
    void anUnchangedCallerGetsTheSameTokenWithinTheReuseWindowAndANewOneAfter() {
        String first = cache.token(user(Role.USER), "event-service");

        nanos.addAndGet(Duration.ofMillis(4_900).toNanos());
        assertThat(cache.token(user(Role.USER), "event-service")).isEqualTo(first);

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        String renewed = cache.token(user(Role.USER), "event-service");
        assertThat(renewed).isNotEqualTo(first);
        assertThat(tokens.verify(renewed, "event-service").userId()).isEqualTo(42L);
    }

    @Test
    void aRoleChangeAnotherAudienceOrAnotherAddressGetsANewTokenAtOnce() {
        String user = cache.token(user(Role.USER), "event-service");

        String promoted = cache.token(user(Role.MANAGER), "event-service");
        assertThat(promoted).isNotEqualTo(user);
        assertThat(tokens.verify(promoted, "event-service").role()).isEqualTo(Role.MANAGER);
        assertThat(cache.token(user(Role.USER), "order-service")).isNotEqualTo(user);
        ShopIdentity moved = new ShopIdentity(42, Role.USER, "김민수", Locale.KOREAN, "198.51.100.9", "session-1", AUTH_TIME);
        assertThat(tokens.verify(cache.token(moved, "event-service"), "event-service").clientIp()).isEqualTo("198.51.100.9");
    }

    @Test
    void noReuseWindowMintsEveryTime() {
        IdentityTokenCache off = new IdentityTokenCache(tokens, Duration.ZERO, 3, nanos::get);

        assertThat(off.token(user(Role.USER), "event-service")).isNotEqualTo(off.token(user(Role.USER), "event-service"));
    }

    @Test
    void theCacheStaysBoundedAndStillAnswersPastItsSize() {
        for (int user = 0; user < 10; user++) {
            ShopIdentity identity = new ShopIdentity(user, Role.USER, "u" + user, Locale.KOREAN, "203.0.113.1", "s" + user,
                    AUTH_TIME);
            assertThat(tokens.verify(cache.token(identity, "event-service"), "event-service").userId()).isEqualTo(user);
        }
    }

    private static ShopIdentity user(Role role) {
        return new ShopIdentity(42, role, "김민수", Locale.KOREAN, "203.0.113.1", "session-1", AUTH_TIME);
    }
}
