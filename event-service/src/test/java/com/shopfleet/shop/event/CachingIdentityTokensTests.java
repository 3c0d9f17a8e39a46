package com.shopfleet.shop.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

class CachingIdentityTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");

    private final byte[] key = IdentityTokens.randomKey();
    private final MutableClock clock = new MutableClock(NOW);
    private final CachingIdentityTokens tokens = new CachingIdentityTokens(key, Duration.ofSeconds(60), Duration.ofSeconds(5),
            clock, 2);
    private final IdentityTokens gateway = new IdentityTokens(key, Duration.ofSeconds(60), Duration.ofSeconds(5), clock);

    @Test
    void aTokenVerifiedOnceStaysVerifiedOnlyUntilItExpires() {
        String token = gateway.mint(user(42), "event-service");

        assertThat(tokens.verify(token, "event-service").userId()).isEqualTo(42L);
        clock.now = NOW.plusSeconds(64);
        assertThat(tokens.verify(token, "event-service").userId()).as("within exp + skew").isEqualTo(42L);

        clock.now = NOW.plusSeconds(66);
        assertThatExceptionOfType(IdentityTokens.InvalidIdentityTokenException.class)
                .isThrownBy(() -> tokens.verify(token, "event-service"));
    }

    @Test
    void aTokenVerifiedForOneAudienceIsNotTakenForAnother() {
        String token = gateway.mint(user(42), "event-service");
        tokens.verify(token, "event-service");

        assertThatExceptionOfType(IdentityTokens.InvalidIdentityTokenException.class)
                .isThrownBy(() -> tokens.verify(token, "order-service"));
    }

    @Test
    void aForgedOrTamperedTokenIsRefusedEveryTime() {
        String token = gateway.mint(user(42), "event-service");
        tokens.verify(token, "event-service");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String forged = new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60), Duration.ZERO, clock)
                .mint(user(42), "event-service");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatExceptionOfType(IdentityTokens.InvalidIdentityTokenException.class)
                    .isThrownBy(() -> tokens.verify(tampered, "event-service"));
            assertThatExceptionOfType(IdentityTokens.InvalidIdentityTokenException.class)
                    .isThrownBy(() -> tokens.verify(forged, "event-service"));
        }
    }

    @Test
    void pastItsSizeItStartsOverAndStillVerifiesEachToken() {
        for (long user = 1; user <= 5; user++) {
            String token = gateway.mint(user(user), "event-service");
            assertThat(tokens.verify(token, "event-service").userId()).isEqualTo(user);
            assertThat(tokens.verify(token, "event-service").userId()).isEqualTo(user);
        }
    }

    private static ShopIdentity user(long id) {
        return new ShopIdentity(id, Role.USER, "user " + id, Locale.KOREAN, "203.0.113.1", "session-" + id, NOW);
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
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
