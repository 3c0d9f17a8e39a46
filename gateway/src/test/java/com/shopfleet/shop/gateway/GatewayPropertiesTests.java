package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GatewayPropertiesTests {

    @ParameterizedTest
    @ValueSource(strings = { "*", "https://*.shop.example", "shop.example", "https://shop.example/app", "null",
            "https://shop.example?x=1" })
    void aCorsOriginMustBeAnExactOrigin(String origin) {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Cors(List.of(origin), Duration.ofMinutes(30)))
                .withMessageContaining("allowed-origins");
    }

    @Test
    void blankCorsOriginsMeanSameOriginOnly() {
        assertThat(new GatewayProperties.Cors(List.of(" ", ""), Duration.ofMinutes(30)).allowedOrigins()).isEmpty();
        assertThat(new GatewayProperties.Cors(List.of("https://shop.example", "http://localhost:5173"), Duration.ZERO)
                .allowedOrigins()).containsExactly("https://shop.example", "http://localhost:5173");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost:8081", "ftp://catalog:21", "http://catalog:8082/api", "http:///nohost" })
    void anUpstreamMustBeAPlainHttpBaseUri(String uri) {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Upstream(URI.create(uri), 5000));
    }

    @Test
    void anUpstreamTimeoutMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties.Upstream(URI.create("http://catalog:8082"), 0));
        assertThat(new GatewayProperties.Upstream(URI.create("http://catalog:8082/"), 2500).responseTimeout())
                .isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aTimeoutTheRoutesWouldIgnoreFailsTheStart() {
        Map<String, String> settings = services();
        settings.put("shop.gateway.services.order.response-timeout-ms", "5s");

        assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class);
    }

    @Test
    void theDefaultsAreSameOriginOnlyAndNoHsts() {
        GatewayProperties properties = bind(services());

        assertThat(properties.cors().allowedOrigins()).isEmpty();
        assertThat(properties.securityHeaders().hsts()).isFalse();
        assertThat(properties.services().event().uri()).isEqualTo(URI.create("http://localhost:8084"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "api/products", "GET", "GET api/products", "G3T /x", "/api/{unclosed" })
    void aRequestRuleMustBeAMethodAndAPathPattern(String rule) {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Access(List.of(rule)));
    }

    @Test
    void aBudgetMustBeAbleToServeARequest() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Budget(0, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Budget(5, 4, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Budget(1, 10, 11));
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayProperties.Group(List.of(), 1, 10, 1));
        assertThat(new GatewayProperties.Group(List.of("POST /api/auth/login"), 1, 30, 6).budget())
                .isEqualTo(new GatewayProperties.Budget(1, 30, 6));
    }

    @Test
    void aGroupCannotTakeTheDefaultBudgetsName() {
        Map<String, String> settings = services();
        settings.put("shop.gateway.rate-limit.groups.default.paths[0]", "GET /api/products");
        settings.put("shop.gateway.rate-limit.groups.default.replenish-rate", "1");
        settings.put("shop.gateway.rate-limit.groups.default.burst-capacity", "1");

        assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class);
    }

    @Test
    void withoutConfigurationTheGatewayIsLockedDownAndLimited() {
        GatewayProperties properties = bind(services());

        assertThat(properties.access().publicPaths()).isEmpty();
        assertThat(properties.rateLimit().enabled()).isTrue();
        assertThat(properties.rateLimit().defaultBudget()).isEqualTo(new GatewayProperties.Budget(20, 40, 1));
        assertThat(properties.identity().secureCookies()).isFalse();
        assertThat(properties.identity().rememberMeTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private static Map<String, String> services() {
        Map<String, String> settings = new HashMap<>();
        String[] names = { "auth", "catalog", "order", "event", "notification" };
        for (int i = 0; i < names.length; i++) {
            settings.put("shop.gateway.services." + names[i] + ".uri", "http://localhost:" + (8081 + i));
            settings.put("shop.gateway.services." + names[i] + ".response-timeout-ms", "5000");
        }
        return settings;
    }

    private static GatewayProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shop.gateway", GatewayProperties.class);
    }
}
