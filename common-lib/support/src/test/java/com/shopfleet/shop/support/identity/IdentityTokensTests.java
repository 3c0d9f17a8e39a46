package com.shopfleet.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.identity.Role;

class IdentityTokensTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");

    private final IdentityTokens tokens = tokensAt(NOW);
    private final ShopIdentity identity = new ShopIdentity(42, Role.SELLER, "이영희", Locale.ENGLISH, "198.51.100.4",
            "sess-1", NOW.minusSeconds(300));

    @Test
    void aMintedTokenVerifiesForItsAudienceWithEveryClaim() {
        ShopIdentity verified = tokens.verify(tokens.mint(identity, "catalog-service"), "catalog-service");

        assertThat(verified).isEqualTo(identity);
    }

    @Test
    void aVerifiedTokenTellsWhenItExpires() {
        assertThat(tokens.verifyRequest(tokens.mint(identity, "catalog-service"), "catalog-service").expiresAt())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(tokens.verifyRequest(tokens.mintAnonymous("198.51.100.4", Locale.ENGLISH, "auth-service"), "auth-service")
                .expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anotherAudienceIsRefused() {
        String token = tokens.mint(identity, "catalog-service");

        assertThatThrownBy(() -> tokens.verify(token, "order-service"))
                .isInstanceOf(IdentityTokens.InvalidIdentityTokenException.class);
    }

    @Test
    void anExpiredTokenIsRefusedPastTheSkew() {
        String token = tokens.mint(identity, "catalog-service");

        assertThat(tokensAt(NOW.plusSeconds(64)).verify(token, "catalog-service")).isEqualTo(identity);
        assertThatThrownBy(() -> tokensAt(NOW.plusSeconds(66)).verify(token, "catalog-service"))
                .isInstanceOf(IdentityTokens.InvalidIdentityTokenException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60), Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC)).mint(identity, "catalog-service");

        assertThatThrownBy(() -> tokens.verify(forged, "catalog-service"))
                .isInstanceOf(IdentityTokens.InvalidIdentityTokenException.class);
    }

    @Test
    void garbageAndUnsignedTokensAreRefused() {
        String token = tokens.mint(identity, "catalog-service");
        String[] parts = token.split("\\.");
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";

        for (String bad : new String[] { "user=42;role=ADMIN", "a.b.c", unsigned, parts[0] + "." + parts[1] + ".AAAA" }) {
            assertThatThrownBy(() -> tokens.verify(bad, "catalog-service")).as(bad)
                    .isInstanceOf(IdentityTokens.InvalidIdentityTokenException.class);
        }
    }

    @Test
    void anAnonymousTokenCarriesTheClientButNoIdentity() {
        String token = tokens.mintAnonymous("198.51.100.4", Locale.ENGLISH, "auth-service");

        IdentityTokens.Verified verified = tokens.verifyRequest(token, "auth-service");

        assertThat(verified.identity()).isNull();
        assertThat(verified.clientIp()).isEqualTo("198.51.100.4");
        assertThatThrownBy(() -> tokens.verify(token, "auth-service"))
                .isInstanceOf(IdentityTokens.InvalidIdentityTokenException.class);
    }

    @Test
    void aShortKeyIsRejectedAtStart() {
        assertThatThrownBy(() -> new IdentityTokens(new byte[16], Duration.ofSeconds(60), Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IdentityTokens tokensAt(Instant now) {
        return new IdentityTokens(KEY, Duration.ofSeconds(60), Duration.ofSeconds(5), Clock.fixed(now, ZoneOffset.UTC));
    }
}
