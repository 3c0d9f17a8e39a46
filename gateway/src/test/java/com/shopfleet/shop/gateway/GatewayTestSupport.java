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
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * One gateway, started once for all the {@code Gateway*Tests} that extend this (same configuration,
 * so Spring's test context cache shares it), in front of five real HTTP backends standing in for
 * the services. Short timeouts and a small breaker window keep the failure tests fast. After each
 * test every backend is healthy again and every breaker closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "shop.gateway.cors.allowed-origins=" + GatewayTestSupport.ALLOWED_ORIGIN,
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1" })
abstract class GatewayTestSupport {

    static final String ALLOWED_ORIGIN = "https://shop.example";

    /** The services' response timeout in these tests (production: 5 s). */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    static final TestBackend AUTH = TestBackend.start("auth");
    static final TestBackend CATALOG = TestBackend.start("catalog");
    static final TestBackend ORDER = TestBackend.start("order");
    static final TestBackend EVENT = TestBackend.start("event");
    static final TestBackend NOTIFICATION = TestBackend.start("notification");

    static final List<TestBackend> BACKENDS = List.of(AUTH, CATALOG, ORDER, EVENT, NOTIFICATION);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
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

    @AfterEach
    void healthyAgain() {
        BACKENDS.forEach(TestBackend::reset);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
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
