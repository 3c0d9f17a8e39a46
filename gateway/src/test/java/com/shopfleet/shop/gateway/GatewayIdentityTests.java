package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.HttpCookie;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.session.Session;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;
import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * Sessions written by Spring Session as auth-service writes them, read and slid by the gateway, and
 * passed on as the signed identity token; remember-me against a backend playing auth-service.
 */
class GatewayIdentityTests extends GatewayTestSupport {

    private static final AtomicInteger users = new AtomicInteger(5000);

    private final TestSessions sessions = TestSessions.get();

    @Test
    void aSessionsUserReachesTheServiceAsASignedTokenForThatService() throws Exception {
        long userId = users.incrementAndGet();
        Instant authTime = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
        String sessionId = sessions.signIn(userId, Role.SELLER, "이영희", "en", authTime);

        HttpResponse<String> response = send(as(sessionId, "/api/orders/ORD-1")
                .header("X-Forwarded-For", "203.0.113.40").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        String token = ORDER.received().getLast().header("X-Shop-Identity");
        ShopIdentity identity = VERIFIER.verify(token, "order-service");
        assertThat(identity.userId()).isEqualTo(userId);
        assertThat(identity.role()).isEqualTo(Role.SELLER);
        assertThat(identity.name()).isEqualTo("이영희");
        assertThat(identity.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(identity.clientIp()).isEqualTo("203.0.113.40");
        assertThat(identity.sessionId()).isEqualTo(sessionId);
        assertThat(identity.authTime()).isEqualTo(authTime.truncatedTo(ChronoUnit.SECONDS));
        assertThatExceptionOfType(IdentityTokens.InvalidIdentityTokenException.class)
                .as("a token for one service is worthless at another").isThrownBy(() -> VERIFIER.verify(token, "catalog-service"));
    }

    @Test
    void eachServiceGetsATokenForItself() throws Exception {
        String sessionId = adminSession();
        Map<TestBackend, String> audiences = Map.of(AUTH, "/api/users/me", CATALOG, "/api/wishlist", EVENT, "/api/admin/events",
                NOTIFICATION, "/api/admin/notifications/dead-letters");
        Map<TestBackend, String> names = Map.of(AUTH, "auth-service", CATALOG, "catalog-service", EVENT, "event-service",
                NOTIFICATION, "notification-worker");
        for (var entry : audiences.entrySet()) {
            assertThat(send(as(sessionId, entry.getValue()).GET().build()).statusCode()).isEqualTo(200);
            String token = entry.getKey().received().getLast().header("X-Shop-Identity");
            assertThat(VERIFIER.verify(token, names.get(entry.getKey())).userId()).isEqualTo(1L);
        }
    }

    @Test
    void anAnonymousCallerGetsAnAnonymousTokenWithItsAddressAndLanguage() throws Exception {
        HttpResponse<String> response = send(anonymous("/api/products/1").header("X-Forwarded-For", "198.51.100.23")
                .header("Accept-Language", "en-US,en;q=0.9").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        IdentityTokens.Verified verified = VERIFIER.verifyRequest(CATALOG.received().getLast().header("X-Shop-Identity"),
                "catalog-service");
        assertThat(verified.identity()).isNull();
        assertThat(verified.clientIp()).isEqualTo("198.51.100.23");
    }

    @Test
    void aClientSentIdentityTokenNeverPassesEvenWhenGenuinelySigned() throws Exception {
        String stolen = TestIdentities.token("order-service", 42L, Role.ADMIN);

        HttpResponse<String> asUser = send(anonymous("/api/orders/1").header("X-Shop-Identity", stolen).GET().build());
        HttpResponse<String> onPublic = send(anonymous("/api/products/1").header("X-Shop-Identity", stolen).GET().build());

        assertEnvelope(asUser, 401, "UNAUTHENTICATED");
        assertThat(ORDER.received()).isEmpty();
        assertThat(onPublic.statusCode()).isEqualTo(200);
        String passed = CATALOG.received().getLast().header("X-Shop-Identity");
        assertThat(passed).isNotEqualTo(stolen);
        assertThat(VERIFIER.verifyRequest(passed, "catalog-service").identity()).isNull();
    }

    @Test
    void anIdleSessionIsNoSession() throws Exception {
        String sessionId = sessions.signIn(users.incrementAndGet(), Role.USER);
        sessions.idleSince(sessionId, Duration.ofMinutes(31));

        HttpResponse<String> privatePath = send(as(sessionId, "/api/orders/1").GET().build());
        HttpResponse<String> publicPath = send(as(sessionId, "/api/products/1").GET().build());

        assertEnvelope(privatePath, 401, "UNAUTHENTICATED");
        assertThat(ORDER.received()).isEmpty();
        assertThat(publicPath.statusCode()).isEqualTo(200);
        assertThat(VERIFIER.verifyRequest(CATALOG.received().getLast().header("X-Shop-Identity"), "catalog-service").identity())
                .isNull();
        assertThat(sessions.find(sessionId)).as("not revived by the gateway").isNull();
    }

    @Test
    void anUnknownOrMalformedSessionCookieIsAnonymous() throws Exception {
        for (String cookie : List.of(TestSessions.cookie("0c3f0e0e-unknown-session"), "%%%not-base64", "bm90IGFuIGlk", "")) {
            HttpResponse<String> response = send(anonymous("/api/cart").header("Cookie", "SESSION=" + cookie).GET().build());
            assertEnvelope(response, 401, "UNAUTHENTICATED");
        }
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void eachRequestSlidesTheSessionAndSpringSessionStillReadsIt() throws Exception {
        long userId = users.incrementAndGet();
        String sessionId = sessions.signIn(userId, Role.USER);
        sessions.idleSince(sessionId, Duration.ofMinutes(20));
        sessions.template.expire(TestSessions.key(sessionId), Duration.ofMinutes(10));
        Instant before = Instant.now();

        assertThat(send(as(sessionId, "/api/cart").GET().build()).statusCode()).isEqualTo(200);

        long ttl = sessions.template.getExpire(TestSessions.key(sessionId));
        assertThat(ttl).as("TTL back to 30 minutes").isBetween(1790L, 1800L);
        assertThat(sessions.raw(sessionId, "lastAccessedTime")).as("a plain JSON number, as Spring Session writes it")
                .matches("\\d{13}");
        Session reloaded = sessions.find(sessionId);
        assertThat(reloaded).as("Spring Session still loads it after the gateway's write").isNotNull();
        assertThat(reloaded.getLastAccessedTime()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
        assertThat(reloaded.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat((String) reloaded.getAttribute("shop.userId")).isEqualTo(Long.toString(userId));
        assertThat(sessions.raw(sessionId, "sessionAttr:shop.role")).as("auth writes plain JSON strings").isEqualTo("\"USER\"");
    }

    @Test
    void aLoggedOutSessionIsNotRecreatedBySliding() throws Exception {
        String sessionId = sessions.signIn(users.incrementAndGet(), Role.USER);
        sessions.template.delete(TestSessions.key(sessionId));

        assertEnvelope(send(as(sessionId, "/api/cart").GET().build()), 401, "UNAUTHENTICATED");

        assertThat(sessions.template.hasKey(TestSessions.key(sessionId))).isFalse();
    }

    @Test
    void rememberMeExchangesTheTokenSetsTheNewCookiesAndGoesOnAsTheUser() throws Exception {
        long userId = users.incrementAndGet();
        List<TestBackend.Received> exchanges = new ArrayList<>();
        List<String> newSessions = new ArrayList<>();
        AUTH.on("/internal/remember-me/exchange", request -> {
            exchanges.add(request);
            String sessionId = sessions.signIn(userId, Role.USER, "박지민", "ko", Instant.ofEpochMilli(1764162000000L));
            newSessions.add(sessionId);
            return grant(userId, sessionId, "series:rotated");
        });

        HttpResponse<String> response = send(anonymous("/api/orders/1")
                .header("Cookie", "REMEMBER_ME=series:old; SESSION=" + TestSessions.cookie("expired-session-id"))
                .header("User-Agent", "ShopApp/1.0").header("X-Forwarded-For", "203.0.113.77").GET().build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(exchanges).hasSize(1);
        TestBackend.Received exchange = exchanges.getFirst();
        assertThat(exchange.method()).isEqualTo("POST");
        JsonNode body = json.readTree(exchange.body());
        assertThat(body.get("token").asString()).isEqualTo("series:old");
        assertThat(body.get("userAgent").asString()).isEqualTo("ShopApp/1.0");
        IdentityTokens.Verified caller = VERIFIER.verifyRequest(exchange.header("X-Shop-Identity"), "auth-service");
        assertThat(caller.identity()).isNull();
        assertThat(caller.clientIp()).isEqualTo("203.0.113.77");

        String sessionId = newSessions.getFirst();
        ShopIdentity identity = VERIFIER.verify(ORDER.received().getLast().header("X-Shop-Identity"), "order-service");
        assertThat(identity.userId()).isEqualTo(userId);
        assertThat(identity.name()).isEqualTo("박지민");
        assertThat(identity.sessionId()).isEqualTo(sessionId);
        assertThat(identity.authTime()).isEqualTo(Instant.ofEpochSecond(1764162000L));
        assertThat(ORDER.received().getLast().header("Cookie")).contains("SESSION=" + TestSessions.cookie(sessionId))
                .contains("REMEMBER_ME=series:rotated").doesNotContain("series:old");

        HttpCookie session = setCookie(response, "SESSION");
        assertThat(session.getValue()).isEqualTo(TestSessions.cookie(sessionId));
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getMaxAge()).as("a browser-session cookie").isEqualTo(-1);
        assertThat(setCookieHeader(response, "SESSION")).contains("SameSite=Lax");
        HttpCookie rememberMe = setCookie(response, "REMEMBER_ME");
        assertThat(rememberMe.getValue()).isEqualTo("series:rotated");
        assertThat(rememberMe.isHttpOnly()).isTrue();
        assertThat(rememberMe.getMaxAge()).isEqualTo(1_209_600);

        HttpResponse<String> next = send(as(sessionId, "/api/orders/2").GET().build());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(exchanges).as("the new session is used from now on").hasSize(1);
    }

    @Test
    void parallelRequestsWithTheSameRememberMeTokenShareOneExchange() throws Exception {
        long userId = users.incrementAndGet();
        AtomicInteger calls = new AtomicInteger();
        AUTH.on("/internal/remember-me/exchange", request -> {
            calls.incrementAndGet();
            sleep(200);
            return grant(userId, sessions.signIn(userId, Role.USER), "series:next");
        });

        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pending.add(http.sendAsync(anonymous("/api/orders/" + i).header("Cookie", "REMEMBER_ME=series:page-load")
                    .header("User-Agent", "Browser/1").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> response : pending) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            assertThat(setCookie(response.get(), "REMEMBER_ME").getValue()).isEqualTo("series:next");
        }
        assertThat(calls.get()).as("auth-service sees the token once, not as a replay").isEqualTo(1);
        assertThat(ORDER.received()).hasSize(6).allSatisfy(received -> assertThat(
                VERIFIER.verify(received.header("X-Shop-Identity"), "order-service").userId()).isEqualTo(userId));
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 400 })
    void aRefusedRememberMeTokenClearsBothCookiesAndGoesOnAnonymously(int refusal) throws Exception {
        AUTH.on("/internal/remember-me/exchange", request -> new TestBackend.Reply(refusal,
                Map.of("success", false, "errorDetails", Map.of("code", refusal == 401 ? "UNAUTHENTICATED" : "VALIDATION_FAILED"))));

        HttpResponse<String> publicPath = send(anonymous("/api/products/1")
                .header("Cookie", "REMEMBER_ME=series:stolen; SESSION=" + TestSessions.cookie("gone-session-0001") + "; lang=ko")
                .GET().build());

        assertThat(publicPath.statusCode()).isEqualTo(200);
        assertThat(setCookie(publicPath, "SESSION").getMaxAge()).isZero();
        assertThat(setCookie(publicPath, "REMEMBER_ME").getMaxAge()).isZero();
        TestBackend.Received received = CATALOG.received().getLast();
        assertThat(VERIFIER.verifyRequest(received.header("X-Shop-Identity"), "catalog-service").identity()).isNull();
        assertThat(received.header("Cookie")).isEqualTo("lang=ko");

        HttpResponse<String> privatePath = send(anonymous("/api/cart").header("Cookie", "REMEMBER_ME=series:other").GET().build());
        assertEnvelope(privatePath, 401, "UNAUTHENTICATED");
        assertThat(setCookie(privatePath, "REMEMBER_ME").getMaxAge()).isZero();
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void anUnreachableAuthServiceLeavesTheRememberMeCookieAlone() throws Exception {
        AUTH.stop();

        HttpResponse<String> response = send(anonymous("/api/products/1").header("Cookie", "REMEMBER_ME=series:keep").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("REMEMBER_ME"));
        assertThat(VERIFIER.verifyRequest(CATALOG.received().getLast().header("X-Shop-Identity"), "catalog-service").identity())
                .isNull();
    }

    @Test
    void aSlowAuthServiceDoesNotHoldTheRequestPastTheTimeout() throws Exception {
        AUTH.on("/internal/remember-me/exchange", request -> {
            sleep(3000);
            return new TestBackend.Reply(500, Map.of());
        });

        long started = System.nanoTime();
        HttpResponse<String> response = send(anonymous("/api/products/1").header("Cookie", "REMEMBER_ME=series:slow").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void theInternalRememberMeEndpointIsNeverRoutedFromOutside() throws Exception {
        for (String path : List.of("/internal/remember-me/exchange", "/api/internal/remember-me/exchange",
                "/api/admin/internal/remember-me/exchange")) {
            HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"token\":\"series:x\"}")).build());
            assertEnvelope(response, 404, "NOT_FOUND");
        }
        BACKENDS.forEach(backend -> assertThat(backend.received()).as(backend.name()).isEmpty());
    }

    private static TestBackend.Reply grant(long userId, String sessionId, String rememberMe) {
        return new TestBackend.Reply(200, Map.of("success", true, "message", "OK", "data", Map.of(
                "sessionCookie", TestSessions.cookie(sessionId), "rememberMeCookie", rememberMe,
                "rememberMeMaxAgeSeconds", 1209600, "userId", userId, "role", "USER", "name", "박지민", "locale", "ko",
                "authTime", "1764162000000")));
    }

    static HttpCookie setCookie(HttpResponse<?> response, String name) {
        return HttpCookie.parse(setCookieHeader(response, name)).getFirst();
    }

    static String setCookieHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers().map()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
