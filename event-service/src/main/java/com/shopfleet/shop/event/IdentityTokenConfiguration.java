package com.shopfleet.shop.event;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.shopfleet.shop.support.identity.IdentityProperties;
import com.shopfleet.shop.support.identity.IdentityTokens;

/**
 * The identity tokens of {@code shop.identity.*} as the fleet's support configures them (the
 * signing key required in prod; without one a random key that trusts nothing), verified through
 * {@link CachingIdentityTokens}. Replaces support's own {@link IdentityTokens} bean, which backs off.
 */
@Configuration(proxyBeanMethods = false)
class IdentityTokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityTokenConfiguration.class);

    /** Distinct tokens remembered at most: a stampede's users for a few seconds, at ~1 KB each. */
    static final int MAX_TOKENS = 50_000;

    @Bean
    IdentityTokens identityTokens(IdentityProperties properties) {
        byte[] key;
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            if (properties.required()) {
                throw new IllegalStateException(
                        "shop.identity.signing-key (SHOP_IDENTITY_SIGNING_KEY) is required: set a base64 key of at least 256 bits");
            }
            log.warn("No shop.identity.signing-key configured: using a random key, so no identity token will verify");
            key = IdentityTokens.randomKey();
        }
        else {
            key = IdentityTokens.decodeKey(properties.signingKey());
        }
        return new CachingIdentityTokens(key, properties.ttl(), properties.clockSkew(), Clock.systemUTC(), MAX_TOKENS);
    }
}
