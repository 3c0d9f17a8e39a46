package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;
import com.shopfleet.shop.testsupport.BrowserCredentials;
import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * A browser behind the gateway, for tests: keeps its cookies, and on every request does what
 * docs/identity-flow.md says the gateway does — reads the {@code SESSION} hash from Redis as plain
 * JSON (no auth-service classes), checks its expiry, slides it, exchanges {@code REMEMBER_ME} when
 * there is no live session, and sends auth-service the identity token it would mint (anonymous ones
 * carry this browser's own client address).
 */
final class Browser {

    static final String AUDIENCE = "auth-service";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final IdentityTokens GATEWAY_TOKENS = new IdentityTokens(IdentityTokens.decodeKey(TestIdentities.SIGNING_KEY),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Clock.systemUTC());

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final StringRedisTemplate redis;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    final String clientIp;
    String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    String acceptLanguage = "ko-KR,ko;q=0.9";

    Browser(int port, StringRedisTemplate redis) {
        this.port = port;
        this.redis = redis;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.clientIp = "10." + random.nextInt(1, 255) + "." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
    }

    // --- requests -------------------------------------------------------------------------------

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** A request with an explicit raw body and content type (for malformed input). */
    Reply raw(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = base(path).header("Content-Type", contentType)
                .method(method, BodyPublishers.ofString(body));
        return execute(request);
    }

    Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = base(path);
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        }
        return execute(request);
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", userAgent)
                .header("Accept-Language", acceptLanguage)
                .header(IdentityToken.HEADER, identityToken());
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
        }
        return request;
    }

    private Reply execute(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response, body);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    // --- the gateway's part ----------------------------------------------------------------------

    /** The identity token the gateway would mint for this browser's next request. */
    String identityToken() {
        Map<String, String> session = liveSession();
        if (session == null && cookies.containsKey("REMEMBER_ME")) {
            exchangeRememberMe();
            session = liveSession();
        }
        if (session == null || !session.containsKey("sessionAttr:shop.userId")) {
            return GATEWAY_TOKENS.mintAnonymous(clientIp, Locale.KOREAN, AUDIENCE);
        }
        ShopIdentity identity = new ShopIdentity(Long.parseLong(unquote(session.get("sessionAttr:shop.userId"))),
                Role.valueOf(unquote(session.get("sessionAttr:shop.role"))), unquote(session.get("sessionAttr:shop.name")),
                Locale.forLanguageTag(unquote(session.get("sessionAttr:shop.locale"))), clientIp, sessionId(),
                Instant.ofEpochMilli(Long.parseLong(unquote(session.get("sessionAttr:shop.authTime")))));
        return TestIdentities.token(AUDIENCE, identity);
    }

    /** HGETALL of the session named by the SESSION cookie if it is live; slides it like the gateway. */
    private Map<String, String> liveSession() {
        String id = sessionId();
        if (id == null) {
            return null;
        }
        String key = "spring:session:sessions:" + id;
        Map<Object, Object> hash = redis.opsForHash().entries(key);
        if (hash.isEmpty()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        hash.forEach((field, value) -> fields.put(field.toString(), value.toString()));
        long lastAccessed = Long.parseLong(fields.get("lastAccessedTime"));
        long maxInactive = Long.parseLong(fields.get("maxInactiveInterval"));
        long now = System.currentTimeMillis();
        if (now - lastAccessed > maxInactive * 1000) {
            return null;
        }
        redis.opsForHash().put(key, "lastAccessedTime", Long.toString(now));
        redis.expire(key, Duration.ofSeconds(maxInactive));
        return fields;
    }

    private void exchangeRememberMe() {
        Map<String, String> body = Map.of("token", cookies.get("REMEMBER_ME"), "userAgent", userAgent);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/internal/remember-me/exchange"))
                    .header(IdentityToken.HEADER, GATEWAY_TOKENS.mintAnonymous(clientIp, Locale.KOREAN, AUDIENCE))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode data = JSON.readTree(response.body()).get("data");
                cookies.put("SESSION", data.get("sessionCookie").asString());
                cookies.put("REMEMBER_ME", data.get("rememberMeCookie").asString());
            }
            else {
                cookies.remove("SESSION");
                cookies.remove("REMEMBER_ME");
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        }
        else {
            cookies.put(name, value);
        }
    }

    // --- what the tests look at ------------------------------------------------------------------

    String sessionId() {
        String cookie = cookies.get("SESSION");
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void forgetCookie(String name) {
        cookies.remove(name);
    }

    /** Encrypted credentials for the current login key, exactly as a browser builds them. */
    String credentials(String email, String password) {
        return credentials(BrowserCredentials.Payload.of(email, password));
    }

    String credentials(BrowserCredentials.Payload payload) {
        JsonNode key = publicKey();
        return BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(), payload);
    }

    JsonNode publicKey() {
        Reply reply = get("/api/auth/public-key");
        assertThat(reply.status()).isEqualTo(200);
        return reply.data();
    }

    Reply signup(Shopper shopper) {
        return post("/api/auth/signup", shopper.signupBody(credentials(shopper.email(), shopper.password())));
    }

    Reply login(String email, String password) {
        return login(email, password, false);
    }

    Reply login(String email, String password, boolean rememberMe) {
        return post("/api/auth/login", Map.of("credentials", credentials(email, password), "rememberMe", rememberMe));
    }

    /** A response: its status, headers and envelope. */
    record Reply(HttpResponse<String> response, JsonNode body) {

        int status() {
            return response.statusCode();
        }

        JsonNode data() {
            return body.get("data");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }

        Reply assertOk(int status) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return this;
        }

        Reply assertError(int status, String code) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.at("/errorDetails/code").asString()).isEqualTo(code);
            assertThat(body.get("message").asString()).isNotBlank();
            return this;
        }

        /** A credentials refusal of CONTRACTS §2: a 400 with the contract's code. */
        Reply assertRefused(String reason) {
            return assertError(400, reason);
        }

        String field(String name) {
            return body.at("/errorDetails/fields/" + name).asString();
        }
    }

    private static String unquote(String json) {
        return JSON.readTree(json).asString();
    }
}
