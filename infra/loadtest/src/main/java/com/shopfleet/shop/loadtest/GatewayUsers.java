package com.shopfleet.shop.loadtest;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/**
 * Users of the gateway mode, prepared before the measured window as a browser would: each signs up
 * (or already exists) and logs in once with credentials encrypted for auth-service's public key
 * (a JWE, {@link BrowserCredentials}), keeping its {@code SESSION} cookie; unsafe requests carry
 * the double-submit {@code XSRF-TOKEN} cookie and the same value in {@code X-XSRF-TOKEN}.
 */
final class GatewayUsers {

    /** A signed-in user: the id auth-service gave it, its session cookie and CSRF token. */
    record User(long id, String session, String xsrf) {
    }

    private static final String PASSWORD = "Fcfs-Load!Test#2026";

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    GatewayUsers(URI gateway) {
        this.gateway = gateway;
    }

    /**
     * Logs in {@code count} users that exist already — auth-service's {@code loadtest} profile seeds
     * {@code loadtest-<n>@loadtest.local} with one password — {@code parallel} at a time: each login is
     * the browser's (public key, JWE credentials, CSRF pair) and costs auth-service one Argon2id check.
     */
    List<User> logIn(int count, String password, int parallel, PrintStream out) throws Exception {
        return prepare(count, parallel, out, (number, keyId, publicKey) -> logIn("loadtest-" + number + "@loadtest.local",
                password, token(), keyId, publicKey));
    }

    /**
     * Signs up and logs in {@code count} users ({@code loadtest-<n>@loadtest.local}), {@code parallel}
     * at a time (password hashing is what it costs).
     */
    List<User> prepare(int count, int parallel, PrintStream out) throws Exception {
        return prepare(count, parallel, out, this::signUpAndLogIn);
    }

    private interface Preparation {

        User prepare(int number, String keyId, String publicKey) throws Exception;
    }

    private List<User> prepare(int count, int parallel, PrintStream out, Preparation preparation) throws Exception {
        JsonNode key = json.readTree(send(HttpRequest.newBuilder(gateway.resolve("/api/auth/public-key")).GET(), 200))
                .get("data");
        String keyId = key.get("keyId").asString();
        String publicKey = key.get("publicKey").asString();
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger done = new AtomicInteger();
        List<Future<User>> users = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < count; n++) {
                int number = n;
                users.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        User user = preparation.prepare(number, keyId, publicKey);
                        if (done.incrementAndGet() % 1_000 == 0) {
                            out.printf("  %,d users signed in%n", done.get());
                        }
                        return user;
                    }
                    finally {
                        slots.release();
                    }
                }));
            }
        }
        List<User> prepared = new ArrayList<>(count);
        for (Future<User> user : users) {
            prepared.add(user.get());
        }
        return prepared;
    }

    private User signUpAndLogIn(int number, String keyId, String publicKey) throws Exception {
        String email = "loadtest-" + number + "@loadtest.local";
        String xsrf = token();
        Map<String, Object> signup = new LinkedHashMap<>();
        signup.put("email", email);
        signup.put("name", "부하" + number);
        signup.put("phone", String.format("010%08d", 20_000_000 + number));
        signup.put("locale", "ko");
        signup.put("consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", false));
        signup.put("credentials", BrowserCredentials.encrypt(keyId, publicKey, email, PASSWORD));
        HttpResponse<String> created = sendRetrying(() -> post("/api/auth/signup", xsrf, signup).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("signup of " + email + ": HTTP " + created.statusCode() + " " + created.body());
        }
        return logIn(email, PASSWORD, xsrf, keyId, publicKey);
    }

    private User logIn(String email, String password, String xsrf, String keyId, String publicKey) throws Exception {
        // fresh credentials on every try: each carries a single-use nonce
        HttpResponse<String> login = sendRetrying(() -> post("/api/auth/login", xsrf, Map.of("credentials",
                BrowserCredentials.encrypt(keyId, publicKey, email, password), "rememberMe", false)).build());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + ": HTTP " + login.statusCode() + " " + login.body());
        }
        String session = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring("SESSION=".length(), cookie.indexOf(';') > 0 ? cookie.indexOf(';')
                        : cookie.length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("login of " + email + " set no SESSION cookie"));
        return new User(json.readTree(login.body()).at("/data/id").asLong(), session, xsrf);
    }

    /**
     * Preparing users is not measured: a 503 (auth-service busy hashing passwords past the gateway's
     * response timeout) or 429 is retried, a few times, a second apart.
     */
    private HttpResponse<String> sendRetrying(java.util.function.Supplier<HttpRequest> request) throws Exception {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            if ((response.statusCode() != 503 && response.statusCode() != 429) || attempt == 5) {
                return response;
            }
            Thread.sleep(1_000L * attempt);
        }
    }

    private HttpRequest.Builder post(String path, String xsrf, Object body) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Cookie", "XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
