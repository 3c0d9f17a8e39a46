package com.shopfleet.shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardWebFilterTests {

    @ParameterizedTest
    @ValueSource(strings = { "/api/products", "/api/products/42", "/api/orders/ORD-7F3K2", "/api/products/%EB%AC%B4%EC%84%A0",
            "/api/products/v1.2", "/api/products/..a", "/swagger-ui.html", "/webjars/swagger-ui/index.html", "/" })
    void ordinaryPathsPass(String rawPath) {
        assertThat(PathGuardWebFilter.isSafe(rawPath)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/..", "/api/products/../x", "/api/./products", "/api/products/%2e%2e/x",
            "/api/products/%2E./x", "/api/products/..%2Factuator", "/api/products/..%5cactuator", "/api/products/..;/x",
            "/api/products;jsessionid=1", "/api/products/%252e%252e", "/api/products/1%00", "/api/products//1",
            "/api/products/\\..\\x", "/api/products/\u00e9", "/api/products/a b", "api/products", "" })
    void pathsAServiceCouldReadDifferentlyAreRefused(String rawPath) {
        assertThat(PathGuardWebFilter.isSafe(rawPath)).isFalse();
    }
}
