package com.shopfleet.shop.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/**
 * Login round-trip figures (p50/p90/p99) against a running auth-service — a command, not a test.
 * It signs up one shopper, then logs in {@code count} times from {@code concurrency} clients, each
 * login with fresh browser-style credentials (RSA-OAEP-256 + A256GCM), and prints a table of the
 * {@code POST /api/auth/login} latencies (Argon2id verification, RSA decryption, nonce, throttle,
 * session and audit writes included). It talks to the service directly, without the gateway.
 * <pre>
 * ./mvnw -q -o -f auth-service/pom.xml test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp auth-service/target/test-classes:$(cat auth-service/target/test-classpath.txt) \
 *     com.shopfleet.shop.auth.LoginBenchmark http://127.0.0.1:8081 200 4
 * </pre>
 * Arguments: base URL (default {@code http://127.0.0.1:8081}), logins (200), concurrency (4). The
 * number of requests is bounded and it stops by itself; point it only at a service on this machine.
 */
public final class LoginBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int count = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 200, 10_000);
        int concurrency = Math.min(args.length > 2 ? Integer.parseInt(args[2]) : 4, 64);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Shopper shopper = Shopper.any();
        JsonNode key = key(http, base);
        int signup = post(http, base + "/api/auth/signup",
                shopper.signupBody(BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(),
                        shopper.email(), shopper.password())));
        if (signup != 201) {
            throw new IllegalStateException("signup answered " + signup);
        }
        for (int i = 0; i < Math.min(10, count); i++) {
            login(http, base, key, shopper);
        }

        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < concurrency; client++) {
                int share = count / concurrency + (client < count % concurrency ? 1 : 0);
                running.add(clients.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        nanos.add(login(http, base, key, shopper));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%n| logins | clients | p50 ms | p90 ms | p99 ms | max ms | logins/s |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", sorted.size(), concurrency,
                millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), sorted.getLast() / 1e6,
                sorted.size() / seconds);
    }

    private static long login(HttpClient http, String base, JsonNode key, Shopper shopper) throws Exception {
        String credentials = BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(),
                shopper.email(), shopper.password());
        long start = System.nanoTime();
        int status = post(http, base + "/api/auth/login", Map.of("credentials", credentials, "rememberMe", false));
        long elapsed = System.nanoTime() - start;
        if (status != 200) {
            throw new IllegalStateException("login answered " + status);
        }
        return elapsed;
    }

    private static JsonNode key(HttpClient http, String base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/public-key")).GET().build(),
                BodyHandlers.ofString()).body();
        return JSON.readTree(body).get("data");
    }

    private static int post(HttpClient http, String url, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "LoginBenchmark/" + UUID.randomUUID().toString().substring(0, 4))
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), BodyHandlers.discarding()).statusCode();
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
