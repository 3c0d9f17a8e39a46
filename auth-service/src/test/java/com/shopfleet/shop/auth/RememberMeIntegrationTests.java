package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestIdentities;

/** Remember-me (ARCHITECTURE §3) and the gateway's exchange endpoint (docs/identity-flow.md). */
class RememberMeIntegrationTests extends AuthIntegrationTest {

    @Test
    void rememberMeLogsInAgainAfterTheSessionIsDeleted() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        Browser.Reply login = browser.login(shopper.email(), shopper.password(), true).assertOk(200);
        assertThat(login.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("REMEMBER_ME=")
                .contains("Max-Age=1209600", "Path=/", "HttpOnly", "SameSite=Lax"));
        String firstSession = browser.sessionId();
        String firstToken = browser.cookie("REMEMBER_ME");
        long userId = userId(shopper.email());
        String stored = jdbc.queryForObject("SELECT token_hash FROM remember_me_token WHERE user_id = ?", String.class, userId);
        assertThat(stored).hasSize(64).isNotEqualTo(firstToken.substring(44));

        redis.delete("spring:session:sessions:" + firstSession);
        browser.get("/api/users/me").assertOk(200);

        assertThat(browser.sessionId()).isNotEqualTo(firstSession);
        assertThat(browser.cookie("REMEMBER_ME")).isNotEqualTo(firstToken).startsWith(firstToken.substring(0, 44));
        assertThat(redis.opsForSet().members("shop:auth:user-sessions:" + userId)).contains(browser.sessionId());
    }

    @Test
    void aReplacedTokenComingBackRevokesEveryTokenAndSessionOfTheUser() throws Exception {
        Shopper shopper = Shopper.any();
        Browser victim = browser();
        victim.signup(shopper).assertOk(201);
        victim.login(shopper.email(), shopper.password(), true).assertOk(200);
        Browser otherDevice = browser();
        otherDevice.login(shopper.email(), shopper.password(), true).assertOk(200);
        String stolen = victim.cookie("REMEMBER_ME");
        redis.delete("spring:session:sessions:" + victim.sessionId());
        victim.get("/api/users/me").assertOk(200);

        Thread.sleep(2_200);
        Browser thief = browser();
        thief.setCookie("REMEMBER_ME", stolen);
        thief.get("/api/users/me").assertError(401, "UNAUTHENTICATED");

        long userId = userId(shopper.email());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token WHERE user_id = ?", Integer.class, userId)).isZero();
        assertThat(redis.opsForSet().members("shop:auth:user-sessions:" + userId)).isEmpty();
        victim.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
        otherDevice.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
    }

    @Test
    void parallelExchangesOfOneCookieWithinTheGraceGetOneAnswer() throws Exception {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), shopper.password(), true).assertOk(200);
        String cookie = browser.cookie("REMEMBER_ME");
        redis.delete("spring:session:sessions:" + browser.sessionId());

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Browser.Reply>> exchanges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser tab = browser();
            exchanges.add(() -> {
                start.await();
                return exchange(tab, cookie);
            });
        }
        List<Browser.Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Browser.Reply>> futures = exchanges.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Browser.Reply> future : futures) {
                replies.add(future.get());
            }
        }
        assertThat(replies).allSatisfy(reply -> reply.assertOk(200));
        assertThat(replies).extracting(reply -> reply.data().get("sessionCookie").asString()).containsOnly(
                replies.get(0).data().get("sessionCookie").asString());
        assertThat(replies).extracting(reply -> reply.data().get("rememberMeCookie").asString()).containsOnly(
                replies.get(0).data().get("rememberMeCookie").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token WHERE user_id = ?", Integer.class,
                userId(shopper.email()))).isEqualTo(1);
    }

    @Test
    void theExchangeAnswersWhatTheGatewayNeeds() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), shopper.password(), true).assertOk(200);

        JsonNode data = exchange(browser(), browser.cookie("REMEMBER_ME")).assertOk(200).data();
        assertThat(data.get("rememberMeMaxAgeSeconds").asLong()).isEqualTo(1_209_600L);
        assertThat(data.get("userId").asLong()).isEqualTo(userId(shopper.email()));
        assertThat(data.get("role").asString()).isEqualTo("USER");
        assertThat(data.get("name").asString()).isEqualTo("김민수");
        assertThat(data.get("locale").asString()).isEqualTo("ko");
        assertThat(data.get("authTime").asString()).matches("[0-9]{13}");
        String sessionId = new String(Base64.getDecoder().decode(data.get("sessionCookie").asString()));
        assertThat(redis.opsForHash().get("spring:session:sessions:" + sessionId, "sessionAttr:shop.userId"))
                .isEqualTo("\"" + data.get("userId").asLong() + "\"");
    }

    @Test
    void theExchangeIsOnlyForTheGateway() {
        Browser browser = browser();
        var withoutToken = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/internal/remember-me/exchange")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"token\":\"abc\"}")).build();
        assertThat(send(withoutToken)).isEqualTo(401);
        var forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/internal/remember-me/exchange")).header("Content-Type", "application/json")
                .header("X-Shop-Identity", TestIdentities.forgedToken("auth-service", 1, Role.ADMIN))
                .POST(BodyPublishers.ofString("{\"token\":\"abc\"}")).build();
        assertThat(send(forged)).isEqualTo(401);
        exchange(browser, "garbage").assertError(401, "UNAUTHENTICATED");
        exchange(browser, "").assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void logoutEndsTheSeriesAndAnExpiredTokenLogsNobodyIn() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), shopper.password(), true).assertOk(200);
        String cookie = browser.cookie("REMEMBER_ME");
        browser.post("/api/auth/logout", null).assertOk(204);
        assertThat(browser.cookie("REMEMBER_ME")).isNull();
        exchange(browser(), cookie).assertError(401, "UNAUTHENTICATED");

        browser.login(shopper.email(), shopper.password(), true).assertOk(200);
        jdbc.update("UPDATE remember_me_token SET expires_at = ? WHERE user_id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), userId(shopper.email()));
        exchange(browser(), browser.cookie("REMEMBER_ME")).assertError(401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token WHERE user_id = ?", Integer.class,
                userId(shopper.email()))).isZero();
    }

    private Browser.Reply exchange(Browser gatewaySide, String cookie) {
        return gatewaySide.post("/internal/remember-me/exchange", Map.of("token", cookie, "userAgent",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15".toLowerCase(Locale.ROOT)));
    }

    private static int send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request,
                    BodyHandlers.ofString()).statusCode();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
