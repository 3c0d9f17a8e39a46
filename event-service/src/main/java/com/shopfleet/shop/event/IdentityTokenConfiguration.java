package com.shopfleet.shop.event;

import java.time.Clock;

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

    /** Distinct tokens remembered at most: a stampede's users for a few seconds, at ~1 KB each. */
    static final int MAX_TOKENS = 50_000;

    @Bean
    IdentityTokens identityTokens(IdentityProperties properties) {
        return new CachingIdentityTokens(properties.key(), properties.ttl(), properties.clockSkew(), Clock.systemUTC(),
                MAX_TOKENS);
    }
}
