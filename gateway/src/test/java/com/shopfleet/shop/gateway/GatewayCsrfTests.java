package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.shopfleet.shop.contracts.identity.Role;

/** The double-submit CSRF token (CONTRACTS §3): issued, required on unsafe methods, rotated at login. */
class GatewayCsrfTests extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    private final TestSessions sessions = TestSessions.get();

    @Test
    void anUnsafeRequestWithoutTheHeaderIsRefusedAndCounted() throws Exception {
        String sessionId = sessions.signIn(301, Role.USER);
        double before = rejected("order");

        HttpResponse<String> response = send(anonymous("/api/cart/items")
                .header("Cookie", "SESSION=" + TestSessions.cookie(sessionId) + "; XSRF-TOKEN=" + XSRF)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"productId\":1}")).build());

        assertEnvelope(response, 403, "CSRF_REJECTED");
        assertThat(body(response).get("message").asString()).startsWith("보안 토큰이");
        assertThat(ORDER.received()).isEmpty();
        assertThat(rejected("order")).isEqualTo(before + 1);
    }

    @Test
    void aWrongOrCookielessTokenIsRefusedForEveryUnsafeMethod() throws Exception {
        String session = "SESSION=" + TestSessions.cookie(sessions.signIn(302, Role.USER));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> wrong = send(anonymous("/api/cart/items/1").header("Cookie", session + "; XSRF-TOKEN=" + XSRF)
                    .header("X-XSRF-TOKEN", XSRF + "x").header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString("{}")).build());
            HttpResponse<String> noCookie = send(anonymous("/api/cart/items/1").header("Cookie", session)
                    .header("X-XSRF-TOKEN", XSRF).header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString("{}")).build());
            assertEnvelope(wrong, 403, "CSRF_REJECTED");
            assertEnvelope(noCookie, 403, "CSRF_REJECTED");
        }
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void theMatchingTokenPasses() throws Exception {
        HttpResponse<String> response = send(as(sessions.signIn(303, Role.USER), "/api/cart/items")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"productId\":1}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ORDER.received()).hasSize(1);
        assertThat(response.headers().allValues("Set-Cookie")).as("the client already holds one")
                .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @Test
    void aClientWithoutATokenGetsOneOnAnyResponseReadableByScripts() throws Exception {
        for (String path : List.of("/api/products/1", "/api/nothing", "/api/cart", "/actuator/health")) {
            HttpResponse<String> response = send(anonymous(path).GET().build());
            String header = GatewayIdentityTests.setCookieHeader(response, "XSRF-TOKEN");
            HttpCookie cookie = HttpCookie.parse(header).getFirst();
            assertThat(cookie.getValue()).as(path).matches("[A-Za-z0-9_-]{43}");
            assertThat(cookie.isHttpOnly()).isFalse();
            assertThat(cookie.getPath()).isEqualTo("/");
            assertThat(header).contains("SameSite=Lax").doesNotContain("Secure");
        }
    }

    @Test
    void aRefusedRequestGetsATokenToRetryWith() throws Exception {
        HttpResponse<String> response = send(anonymous("/api/auth/login").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")).build());

        assertEnvelope(response, 403, "CSRF_REJECTED");
        assertThat(GatewayIdentityTests.setCookie(response, "XSRF-TOKEN").getValue()).isNotBlank();
        assertThat(AUTH.received()).isEmpty();
    }

    @Test
    void aSuccessfulLoginRotatesTheToken() throws Exception {
        HttpResponse<String> response = login("198.51.100.61");

        assertThat(response.statusCode()).isEqualTo(200);
        String rotated = GatewayIdentityTests.setCookie(response, "XSRF-TOKEN").getValue();
        assertThat(rotated).isNotEqualTo(XSRF).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aFailedLoginKeepsTheToken() throws Exception {
        AUTH.on("/api/auth/login", request -> new TestBackend.Reply(400,
                Map.of("success", false, "errorDetails", Map.of("code", "LOGIN_STALE"))));

        HttpResponse<String> response = login("198.51.100.62");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    private HttpResponse<String> login(String clientIp) throws Exception {
        return send(anonymous("/api/auth/login").header("Cookie", "XSRF-TOKEN=" + XSRF).header("X-XSRF-TOKEN", XSRF)
                .header("X-Forwarded-For", clientIp).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"credentials\":\"eyJ...\",\"rememberMe\":true}")).build());
    }

    private double rejected(String route) {
        var counter = meters.find("shop.gateway.csrf.rejected").tag("route", route).counter();
        return counter == null ? 0 : counter.count();
    }
}
