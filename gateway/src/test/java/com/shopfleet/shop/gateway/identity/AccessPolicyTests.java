package com.shopfleet.shop.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.gateway.identity.AccessPolicy.Decision;
import com.shopfleet.shop.testsupport.TestIdentities;

class AccessPolicyTests {

    private final AccessPolicy policy = new AccessPolicy(List.of("GET /api/products/**", "POST /api/auth/login",
            "/api/admin/products/public"));

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "GET, /api/products/1, -, ALLOWED",
            "HEAD, /api/products/1, -, ALLOWED",
            "POST, /api/products/1, -, UNAUTHENTICATED",
            "POST, /api/auth/login, -, ALLOWED",
            "GET, /api/auth/login, -, UNAUTHENTICATED",
            "GET, /api/orders, -, UNAUTHENTICATED",
            "GET, /api/orders, USER, ALLOWED",
            "GET, /api/admin, USER, FORBIDDEN",
            "GET, /api/admin, MANAGER, ALLOWED",
            "GET, /api/admin/products, SELLER, ALLOWED",
            "GET, /api/admin/products/9/images, SELLER, ALLOWED",
            "GET, /api/admin/productsx, SELLER, FORBIDDEN",
            "GET, /api/admin/categories/1, SELLER, ALLOWED",
            "GET, /api/admin/categories/1, USER, FORBIDDEN",
            "GET, /api/admin/orders/1, SELLER, FORBIDDEN",
            "GET, /api/admin/orders/1, MANAGER, ALLOWED",
            "GET, /api/admin/users/1, MANAGER, FORBIDDEN",
            "GET, /api/admin/users/1, ADMIN, ALLOWED",
            "GET, /api/admin/products/public, -, UNAUTHENTICATED" })
    void decides(String method, String path, Role role, Decision decision) {
        assertThat(policy.decide(HttpMethod.valueOf(method), PathContainer.parsePath(path),
                role == null ? null : TestIdentities.identity(7, role))).isEqualTo(decision);
    }

    @Test
    void withoutPublicRulesEverythingNeedsASignedInUser() {
        assertThat(new AccessPolicy(List.of()).decide(HttpMethod.GET, PathContainer.parsePath("/api/products"), null))
                .isEqualTo(Decision.UNAUTHENTICATED);
    }
}
