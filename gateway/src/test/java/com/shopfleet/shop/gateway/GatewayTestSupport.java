package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * One gateway, started once for all the {@code Gateway*Tests} that extend this (same configuration,
 * so Spring's test context cache shares it), in front of five real HTTP backends standing in for
 * the services and a real Redis holding sessions written by Spring Session ({@link TestSessions}).
 * Short timeouts and a small breaker window keep the failure tests fast. The tests' own address
 * (127.0.0.1) is a trusted proxy, so a test chooses its client address with
 * {@code X-Forwarded-For}. The default budget is out of reach here; the rate-limit tests use the
 * login budget (2 at once, then one every 20 s) and a test-only group {@value #LIMITED} on
 * {@code /api/products/limited/**} and {@code /api/cart/limited/**} (4 at once, then one every 10 s).
 * After each test every backend is healthy again and every breaker closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "shop.gateway.cors.allowed-origins=" + GatewayTestSupport.ALLOWED_ORIGIN,
        "spring.cloud.gateway.server.webflux.trusted-proxies=127[.]0[.]0[.]1",
        "shop.gateway.rate-limit.default-budget.replenish-rate=1000",
        "shop.gateway.rate-limit.default-budget.burst-capacity=2000",
        "shop.gateway.rate-limit.groups.login.replenish-rate=1",
        "shop.gateway.rate-limit.groups.login.burst-capacity=40",
        "shop.gateway.rate-limit.groups.login.requested-tokens=20",
        "shop.gateway.rate-limit.groups." + GatewayTestSupport.LIMITED + ".paths=GET /api/products/limited/**,GET /api/cart/limited/**",
        "shop.gateway.rate-limit.groups." + GatewayTestSupport.LIMITED + ".replenish-rate=1",
        "shop.gateway.rate-limit.groups." + GatewayTestSupport.LIMITED + ".burst-capacity=40",
        "shop.gateway.rate-limit.groups." + GatewayTestSupport.LIMITED + ".requested-tokens=10",
        "shop.gateway.identity.remember-me-timeout=700ms",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1" })
abstract class GatewayTestSupport {

    static final String ALLOWED_ORIGIN = "https://shop.example";

    /** The test-only rate-limit group: 4 requests at once, then one every 10 s. */
    static final String LIMITED = "limited";

    /** The services' response timeout in these tests (production: 5 s). */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    static final TestBackend AUTH = TestBackend.start("auth");
    static final TestBackend CATALOG = TestBackend.start("catalog");
    static final TestBackend ORDER = TestBackend.start("order");
    static final TestBackend EVENT = TestBackend.start("event");
    static final TestBackend NOTIFICATION = TestBackend.start("notification");

    static final List<TestBackend> BACKENDS = List.of(AUTH, CATALOG, ORDER, EVENT, NOTIFICATION);

    /** Verifies the identity tokens the backends receive, with the key the test services would hold. */
    static final IdentityTokens VERIFIER = new IdentityTokens(IdentityTokens.decodeKey(TestIdentities.SIGNING_KEY),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Clock.systemUTC());

    /** The CSRF token the signed-in test client holds (cookie and header). */
    static final String XSRF = "test-xsrf-token";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
        for (TestBackend backend : BACKENDS) {
            String key = "shop.gateway.services." + backend.name();
            registry.add(key + ".uri", backend::uri);
            registry.add(key + ".response-timeout-ms", () -> TIMEOUT.toMillis());
        }
    }

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    private static final Set<Integer> warm = ConcurrentHashMap.newKeySet();

    /**
     * Once per started gateway: one request to every service, so the first test does not pay the
     * class loading and connection set-up that can exceed the 1 s timeout on a loaded machine.
     */
    @BeforeEach
    void warmUp() {
        if (!warm.add(port)) {
            return;
        }
        for (String path : List.of("/api/auth/public-key", "/api/products/1", "/api/orders/1", "/api/events/1",
                "/api/admin/notifications/x")) {
            try {
                get(path);
            }
            catch (Exception ignored) {
                // only warming up
            }
        }
        healthyAgain();
    }

    @AfterEach
    void healthyAgain() {
        BACKENDS.forEach(TestBackend::reset);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String staff;

    /**
     * A request from a signed-in ADMIN holding a CSRF token: what the routing, edge and resilience
     * tests send, as they are about routes and failures, not about who may call.
     */
    HttpRequest.Builder request(String path) {
        return as(adminSession(), path);
    }

    /** A request without any cookie. */
    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    /** A request carrying the {@code SESSION} of {@code sessionId} and a CSRF token (cookie and header). */
    HttpRequest.Builder as(String sessionId, String path) {
        return anonymous(path).header("Cookie", "SESSION=" + TestSessions.cookie(sessionId) + "; XSRF-TOKEN=" + XSRF)
                .header("X-XSRF-TOKEN", XSRF);
    }

    static synchronized String adminSession() {
        if (staff == null) {
            staff = TestSessions.get().signIn(1L, Role.ADMIN);
        }
        return staff;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The fleet's error envelope with this status and code. */
    void assertEnvelope(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = body(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.at("/errorDetails/code").asString()).isEqualTo(code);
        assertThat(body.at("/errorDetails/traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(body.get("message").asString()).isNotBlank();
    }

    /**
     * A request line sent byte for byte, for paths an HTTP client library would normalize or
     * refuse. Returns the status code and the body.
     */
    RawReply raw(String method, String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            int bodyStart = reply.indexOf("\r\n\r\n");
            return new RawReply(status, bodyStart < 0 ? "" : reply.substring(bodyStart + 4));
        }
    }

    record RawReply(int status, String body) {
    }
}
