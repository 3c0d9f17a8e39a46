package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import com.shopfleet.shop.support.identity.IdentityProperties;

/**
 * What the profiles of the real application.yml promise, read the way Boot reads it (config data,
 * profile documents, placeholders) and bound to the gateway's properties records.
 */
class GatewayProfilesTests {

    @Test
    void prodRequiresTheSigningKeyAndMarksCookiesSecure() {
        StandardEnvironment environment = environment("prod");
        GatewayProperties properties = bind(environment);

        assertThat(Binder.get(environment).bind("shop.identity", IdentityProperties.class).get().required())
                .as("support's identity configuration then refuses to start without SHOP_IDENTITY_SIGNING_KEY").isTrue();
        assertThat(properties.identity().secureCookies()).isTrue();
        assertThat(properties.securityHeaders().hsts()).isTrue();
    }

    @Test
    void theDefaultProfileHasStricterBudgetsForSensitiveRequests() {
        GatewayProperties properties = bind(environment());
        GatewayProperties.RateLimit limits = properties.rateLimit();
        long defaultBurst = limits.defaultBudget().burstCapacity() / limits.defaultBudget().requestedTokens();

        assertThat(limits.groups()).containsOnlyKeys("login", "signup", "password-reset", "event-entry");
        limits.groups().forEach((name, group) -> assertThat(group.budget().burstCapacity() / group.budget().requestedTokens())
                .as(name).isLessThan(defaultBurst));
        assertThat(properties.access().publicPaths()).contains("POST /api/auth/login", "GET /api/products/**");
        assertThat(properties.identity().secureCookies()).isFalse();
    }

    @Test
    void theLoadTestProfileIsGenerousAndOnlyOnLoopback() {
        StandardEnvironment environment = environment("loadtest");
        GatewayProperties.RateLimit limits = bind(environment).rateLimit();

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(limits.defaultBudget().replenishRate()).isGreaterThanOrEqualTo(10_000);
        assertThat(limits.groups()).containsOnlyKeys("login", "signup", "password-reset", "event-entry");
        limits.groups().values().forEach(group -> {
            assertThat(group.paths()).as("the paths stay those of the default profile").isNotEmpty();
            assertThat(group.budget().burstCapacity() / group.budget().requestedTokens()).isGreaterThanOrEqualTo(10_000);
        });
    }

    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    private static GatewayProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bind("shop.gateway", GatewayProperties.class).get();
    }
}
