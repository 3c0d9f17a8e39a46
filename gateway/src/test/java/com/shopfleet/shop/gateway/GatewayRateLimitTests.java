package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.shopfleet.shop.contracts.identity.Role;

/**
 * Request budgets in Redis, with the small budgets of the test gateway: {@value #LIMITED} gives 4
 * requests at once and then one every 10 s, login 2 at once, then one every 20 s; everything else
 * has a budget out of reach. Buckets refill by a token a second, so on a slow machine a count may be
 * a token or two higher than at full speed.
 */
class GatewayRateLimitTests extends GatewayTestSupport {

    /** Tokens a slow run may have regained (one a second). */
    private static final long SLACK = 3;

    @Autowired
    MeterRegistry meters;

    private final TestSessions sessions = TestSessions.get();

    @Test
    void anAnonymousClientHasItsOwnBudgetPerAddress() throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> allowed = get("/api/products/limited/1", "198.51.100.11");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(remaining(allowed)).isBetween(30L - 10 * i, 30L - 10 * i + SLACK);
        }
        double before = rejected("catalog", LIMITED);

        HttpResponse<String> limited = get("/api/products/limited/1", "198.51.100.11");

        assertEnvelope(limited, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(10L - SLACK, 10L);
        assertThat(remaining(limited)).isEqualTo(10 - retryAfter);
        assertThat(limited.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue("40");
        assertThat(limited.headers().firstValue("X-RateLimit-Replenish-Rate")).hasValue("1");
        assertThat(limited.headers().firstValue("X-RateLimit-Requested-Tokens")).hasValue("10");
        assertThat(body(limited).get("message").asString()).isEqualTo("요청이 너무 많습니다. " + retryAfter + "초 후 다시 시도해 주세요.");
        assertThat(CATALOG.received()).as("the service is spared").hasSize(4);
        assertThat(rejected("catalog", LIMITED)).isEqualTo(before + 1);

        assertThat(get("/api/products/limited/1", "198.51.100.12").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBudget() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(http.sendAsync(anonymous("/api/products/limited/" + i).header("X-Forwarded-For", "198.51.100.51").GET().build(),
                    BodyHandlers.ofString()));
        }

        Map<Integer, Long> statuses = burst.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertThat(statuses).containsEntry(200, 4L).containsEntry(429, 8L);
        assertThat(CATALOG.received()).hasSize(4);
    }

    @Test
    void aSignedInUserHasABudgetOfHisOwnWhereverHeComesFrom() throws Exception {
        String alice = sessions.signIn(801, Role.USER);
        String bob = sessions.signIn(802, Role.USER);
        for (int i = 0; i < 4; i++) {
            assertThat(send(as(alice, "/api/cart/limited").header("X-Forwarded-For", "203.0.113.81").GET().build())
                    .statusCode()).isEqualTo(200);
        }

        assertEnvelope(send(as(alice, "/api/cart/limited").header("X-Forwarded-For", "203.0.113.81").GET().build()), 429,
                "RATE_LIMITED");
        assertEnvelope(send(as(alice, "/api/products/limited/1").header("X-Forwarded-For", "203.0.113.99").GET().build()),
                429, "RATE_LIMITED");
        assertThat(send(as(bob, "/api/cart/limited").header("X-Forwarded-For", "203.0.113.81").GET().build()).statusCode())
                .as("same address, another user").isEqualTo(200);
        assertThat(get("/api/products/limited/1", "203.0.113.81").statusCode()).as("the address itself, anonymous")
                .isEqualTo(200);
        assertThat(send(as(alice, "/api/cart").GET().build()).statusCode()).as("her other requests").isEqualTo(200);
    }

    @Test
    void loginHasAStricterBudgetThanTheRest() throws Exception {
        double before = rejected("auth", "login");
        assertThat(login("198.51.100.21").statusCode()).isEqualTo(200);
        assertThat(login("198.51.100.21").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = login("198.51.100.21");

        assertEnvelope(limited, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(20L - SLACK, 20L);
        assertThat(AUTH.received()).hasSize(2);
        assertThat(rejected("auth", "login")).isEqualTo(before + 1);
        assertThat(get("/api/products/1", "198.51.100.21").statusCode()).as("its other requests still pass").isEqualTo(200);
        assertThat(login("198.51.100.22").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void theMessageAndRetryAfterSpeakEnglishWhenAsked() throws Exception {
        for (int i = 0; i < 2; i++) {
            login("198.51.100.31");
        }

        HttpResponse<String> limited = send(anonymous("/api/auth/login").header("Cookie", "XSRF-TOKEN=" + XSRF)
                .header("X-XSRF-TOKEN", XSRF).header("X-Forwarded-For", "198.51.100.31").header("Accept-Language", "en")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertEnvelope(limited, 429, "RATE_LIMITED");
        assertThat(body(limited).get("message").asString()).matches("Too many requests\\. Please try again in (1\\d|20) seconds\\.");
    }

    @Test
    void aRateLimitedAnswerKeepsTheConnectionOpen() throws Exception {
        String request = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 198.51.100.41\r\n"
                + "Cookie: XSRF-TOKEN=" + XSRF + "\r\nX-XSRF-TOKEN: " + XSRF + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40\r\n\r\n{\"credentials\":\"x\",\"pad\":\"............\"}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            RawResponse first = exchange(socket, request);
            RawResponse second = exchange(socket, request);
            RawResponse limited = exchange(socket, request);
            RawResponse again = exchange(socket, request);
            RawResponse other = exchange(socket, "GET /api/products/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Forwarded-For: 198.51.100.41\r\n\r\n");

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.headers()).doesNotContainEntry("connection", "close").containsKey("retry-after");
            assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
            assertThat(again.status()).isEqualTo(429);
            assertThat(other.status()).as("the same connection still serves").isEqualTo(200);
        }
    }

    private static long remaining(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }

    private HttpResponse<String> get(String path, String clientIp) throws Exception {
        return send(anonymous(path).header("X-Forwarded-For", clientIp).GET().build());
    }

    private HttpResponse<String> login(String clientIp) throws Exception {
        return send(anonymous("/api/auth/login").header("Cookie", "XSRF-TOKEN=" + XSRF).header("X-XSRF-TOKEN", XSRF)
                .header("X-Forwarded-For", clientIp).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"credentials\":\"x\"}")).build());
    }

    private double rejected(String route, String group) {
        var counter = meters.find("shop.gateway.ratelimit.rejected").tag("route", route).tag("group", group).counter();
        return counter == null ? 0 : counter.count();
    }

    /** One request and its response on an open HTTP/1.1 connection (Content-Length or chunked bodies). */
    private static RawResponse exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        }
        return new RawResponse(Integer.parseInt(statusLine.substring(9, 12)), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {
    }
}
