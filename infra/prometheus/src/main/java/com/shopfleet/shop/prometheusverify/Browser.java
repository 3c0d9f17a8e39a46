package com.shopfleet.shop.prometheusverify;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/**
 * One person at the gateway, as a storefront drives it: a cookie jar ({@code SESSION},
 * {@code XSRF-TOKEN}), the CSRF header on unsafe requests and the JWE login.
 */
final class Browser {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A gateway answer. */
    record Reply(int status, JsonNode body, String raw) {

        JsonNode data() {
            return body.path("data");
        }
    }

    private final URI gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Browser(String gateway) {
        this.gateway = URI.create(gateway);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body))));
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    Reply signup(String email, String password, String name, String phone) {
        return post("/api/auth/signup", Map.of("email", email, "name", name, "phone", phone, "locale", "ko",
                "consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", false),
                "credentials", credentials(email, password)));
    }

    Reply login(String email, String password) {
        return post("/api/auth/login", Map.of("credentials", credentials(email, password), "rememberMe", false));
    }

    private String credentials(String email, String password) {
        JsonNode key = get("/api/auth/public-key").data();
        return BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(), email, password);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        if (cookie("XSRF-TOKEN") == null) {
            // as a storefront's first page: any gateway answer issues the XSRF-TOKEN cookie
            exchange(request("/api/auth/public-key").GET().build());
        }
        String xsrf = cookie("XSRF-TOKEN");
        if (xsrf != null) {
            request.setHeader("X-XSRF-TOKEN", xsrf);
        }
        // a service still warming up on a loaded machine answers 503 through the gateway: try again a
        // few times (orders carry their Idempotency-Key, so a repeat is the same order)
        HttpRequest built = request.build();
        Reply reply = exchange(built);
        for (int attempt = 1; attempt < 5 && reply.status() == 503; attempt++) {
            sleep(3_000);
            reply = exchange(built);
        }
        return reply;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                        : JSON.readTree(response.body());
            }
            catch (RuntimeException notJson) {
                body = JSON.createObjectNode();
            }
            return new Reply(response.statusCode(), body, response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
