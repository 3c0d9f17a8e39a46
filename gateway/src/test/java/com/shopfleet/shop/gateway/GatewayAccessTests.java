package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.shopfleet.shop.contracts.identity.Role;

/** Who may use which API path (CONTRACTS §3), decided before any service is called. */
class GatewayAccessTests extends GatewayTestSupport {

    private final TestSessions sessions = TestSessions.get();

    static Stream<Arguments> staffPaths() {
        return Stream.of(
                // path, lowest rank that passes
                Arguments.of("/api/admin/products/42", Role.SELLER, CATALOG),
                Arguments.of("/api/admin/products", Role.SELLER, CATALOG),
                Arguments.of("/api/admin/categories/3", Role.SELLER, CATALOG),
                Arguments.of("/api/admin/orders/9", Role.MANAGER, ORDER),
                Arguments.of("/api/admin/events", Role.MANAGER, EVENT),
                Arguments.of("/api/admin/notifications/dead-letters", Role.MANAGER, NOTIFICATION),
                Arguments.of("/api/admin/users/7/role", Role.ADMIN, AUTH));
    }

    @ParameterizedTest
    @MethodSource("staffPaths")
    void staffPathsNeedTheirRankAndLowerRanksNeverReachTheService(String path, Role required, TestBackend service)
            throws Exception {
        for (Role role : Role.values()) {
            String sessionId = sessions.signIn(100 + role.ordinal(), role);
            HttpResponse<String> response = send(as(sessionId, path).GET().build());
            if (role.atLeast(required)) {
                assertThat(response.statusCode()).as(role + " on " + path).isEqualTo(200);
            }
            else {
                assertEnvelope(response, 403, "FORBIDDEN");
            }
        }
        assertThat(service.received()).as("only the ranks that pass").hasSize(Role.values().length - required.ordinal());
    }

    @Test
    void aSellerManagesProductsButNotOrders() throws Exception {
        String seller = sessions.signIn(201, Role.SELLER);

        assertThat(send(as(seller, "/api/admin/products/1").method("PATCH", BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build()).statusCode()).isEqualTo(200);
        assertEnvelope(send(as(seller, "/api/admin/orders/9/ship").POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build()), 403, "FORBIDDEN");
        assertThat(ORDER.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/orders/1", "/api/cart", "/api/points", "/api/wishlist", "/api/users/me",
            "/api/events/5/entries", "/api/admin/products/1", "/api/admin/users/1", "/api/admin/orders" })
    void anAnonymousCallerOnAPrivatePathIs401AndNoServiceIsCalled(String path) throws Exception {
        assertEnvelope(send(anonymous(path).GET().build()), 401, "UNAUTHENTICATED");
        BACKENDS.forEach(backend -> assertThat(backend.received()).as(backend.name()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products", "/api/products/42", "/api/products/42/reviews", "/api/categories",
            "/api/categories/3", "/api/events", "/api/events/5", "/api/auth/public-key" })
    void publicReadsNeedNoSession(String path) throws Exception {
        assertThat(send(anonymous(path).GET().build()).statusCode()).isEqualTo(200);
        assertThat(send(anonymous(path).method("HEAD", BodyPublishers.noBody()).build()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/login", "/api/auth/signup", "/api/auth/logout", "/api/auth/password-reset",
            "/api/auth/password-reset/confirm", "/api/auth/find-email" })
    void theAnonymousAccountActionsNeedNoSessionButACsrfToken(String path) throws Exception {
        HttpResponse<String> response = send(anonymous(path).header("Cookie", "XSRF-TOKEN=" + XSRF)
                .header("X-XSRF-TOKEN", XSRF).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "192.0.2." + Math.floorMod(path.hashCode(), 250))
                .POST(BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(AUTH.received()).singleElement().satisfies(received -> assertThat(received.rawPath()).isEqualTo(path));
    }

    @Test
    void aPublicReadIsNotAPublicWrite() throws Exception {
        HttpResponse<String> response = send(anonymous("/api/products/42/reviews").header("Cookie", "XSRF-TOKEN=" + XSRF)
                .header("X-XSRF-TOKEN", XSRF).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"rating\":5}")).build());

        assertEnvelope(response, 401, "UNAUTHENTICATED");
        assertThat(CATALOG.received()).isEmpty();
    }

    @Test
    void theRefusalsSpeakTheCallersLanguage() throws Exception {
        HttpResponse<String> korean = send(anonymous("/api/cart").GET().build());
        HttpResponse<String> english = send(anonymous("/api/cart").header("Accept-Language", "en").GET().build());

        assertThat(body(korean).get("message").asString()).isEqualTo("로그인이 필요합니다.");
        assertThat(body(english).get("message").asString()).isEqualTo("Please log in.");
    }
}
