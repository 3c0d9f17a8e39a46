package com.shopfleet.shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.gateway.GatewayProperties;

class SecurityHeadersWebFilterTests {

    @Test
    void hstsIsSentOnlyWhenConfigured() {
        HttpHeaders withoutHsts = respond(new GatewayProperties.SecurityHeaders(false, Duration.ofDays(365)), "/api/products", null);
        HttpHeaders withHsts = respond(new GatewayProperties.SecurityHeaders(true, Duration.ofDays(365)), "/api/products", null);

        assertThat(withoutHsts.getFirst("Strict-Transport-Security")).isNull();
        assertThat(withHsts.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void aServicesWeakerHeadersAreReplaced() {
        HttpHeaders headers = respond(new GatewayProperties.SecurityHeaders(false, Duration.ZERO), "/api/products",
                downstream -> {
                    downstream.set("X-Frame-Options", "ALLOWALL");
                    downstream.set("Content-Security-Policy", "default-src *");
                });

        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersWebFilter.API_POLICY);
    }

    @Test
    void aServicesOwnCachingPolicyIsKeptAndOtherwiseApiAnswersAreNotStored() {
        HttpHeaders chosen = respond(new GatewayProperties.SecurityHeaders(false, Duration.ZERO), "/api/categories",
                downstream -> downstream.set(HttpHeaders.CACHE_CONTROL, "max-age=60"));
        HttpHeaders unset = respond(new GatewayProperties.SecurityHeaders(false, Duration.ZERO), "/api/categories", null);
        HttpHeaders notApi = respond(new GatewayProperties.SecurityHeaders(false, Duration.ZERO), "/webjars/swagger-ui/index.css", null);

        assertThat(chosen.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60");
        assertThat(unset.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(notApi.getFirst(HttpHeaders.CACHE_CONTROL)).isNull();
        assertThat(notApi.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersWebFilter.SWAGGER_UI_POLICY);
    }

    private static HttpHeaders respond(GatewayProperties.SecurityHeaders properties, String path,
            java.util.function.Consumer<HttpHeaders> downstream) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        WebFilterChain chain = routed -> {
            if (downstream != null) {
                downstream.accept(routed.getResponse().getHeaders());
            }
            return routed.getResponse().setComplete();
        };
        new SecurityHeadersWebFilter(properties).filter(exchange, chain).block();
        return exchange.getResponse().getHeaders();
    }
}
