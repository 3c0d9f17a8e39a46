package com.shopfleet.shop.support.identity;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.identity.*}: the internal identity token (CONTRACTS §3).
 *
 * @param signingKey the shared HMAC key (base64 or base64url, at least 256 bits); from the
 *        environment ({@code SHOP_IDENTITY_SIGNING_KEY}), never from the repository. Without it a
 *        service starts with a random key (so it trusts no token) unless {@code required} is set,
 *        as in the prod profile, where a missing key fails the start
 * @param required whether a missing signing key must fail the start
 * @param ttl how long a minted token is valid
 * @param clockSkew the tolerance when verifying {@code exp}
 * @param audience this service's audience (default: {@code spring.application.name})
 * @param publicPaths Ant-style paths this service serves without a token (health, metrics and API
 *        docs are always public)
 */
@ConfigurationProperties("shop.identity")
public record IdentityProperties(String signingKey, @DefaultValue("false") boolean required,
        @DefaultValue("60s") Duration ttl, @DefaultValue("5s") Duration clockSkew, String audience,
        @DefaultValue List<String> publicPaths) {

    private static final Logger log = LoggerFactory.getLogger(IdentityProperties.class);

    /**
     * The key to sign and verify with: the configured one, decoded; without one, a start refused when
     * {@code required}, otherwise a random key (logged: no token will verify).
     */
    public byte[] key() {
        if (signingKey == null || signingKey.isBlank()) {
            if (required) {
                throw new IllegalStateException(
                        "shop.identity.signing-key (SHOP_IDENTITY_SIGNING_KEY) is required: set a base64 key of at least 256 bits");
            }
            log.warn("No shop.identity.signing-key configured: using a random key, so no identity token will verify");
            return IdentityTokens.randomKey();
        }
        return IdentityTokens.decodeKey(signingKey);
    }
}
