package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/** Login as CONTRACTS §2 and the acceptance items describe it, over HTTP. */
class LoginIntegrationTests extends AuthIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void signupPublicKeyLoginMeLogoutThenMeIsUnauthenticated() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);

        JsonNode key = browser.publicKey();
        assertThat(key.get("algorithm").asString()).isEqualTo("RSA-OAEP-256");
        assertThat(Instant.parse(key.get("expiresAt").asString())).isAfter(Instant.now());

        Browser.Reply login = browser.login(shopper.email(), shopper.password()).assertOk(200);
        assertThat(login.data().get("email").asString()).isEqualTo(shopper.email());
        assertThat(login.data().get("role").asString()).isEqualTo("USER");
        assertThat(login.response().body()).doesNotContainIgnoringCase("password").doesNotContain("argon2");

        Browser.Reply me = browser.get("/api/users/me").assertOk(200);
        assertThat(me.data().get("id").asLong()).isEqualTo(userId(shopper.email()));

        String sessionId = browser.sessionId();
        Browser.Reply logout = browser.post("/api/auth/logout", null).assertOk(204);
        assertThat(logout.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age=0"));
        assertThat(logout.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("REMEMBER_ME=").contains("Max-Age=0"));
        assertThat(redis.hasKey("spring:session:sessions:" + sessionId)).isFalse();

        browser.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
    }

    @Test
    void aBrowserMadeJweWithA54CharacterEmailAndA64CharacterPasswordLogsIn() {
        String email = "a.very.long.mailbox.name.for.testing." + UUID.randomUUID().toString().substring(0, 3) + "@example.co.kr";
        assertThat(email).hasSize(54);
        String password = "Lg" + "x9".repeat(30) + "Z!";
        assertThat(password).hasSize(64);
        Shopper shopper = Shopper.any().withEmail(email).withPassword(password);
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);

        browser.login(email, password).assertOk(200);
        browser.get("/api/users/me").assertOk(200);
    }

    @Test
    void theEmailIsCaseInsensitiveAtLogin() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email().toUpperCase(), shopper.password()).assertOk(200);
    }

    @Test
    void theSameLoginBodySentTwiceIsRefusedTheSecondTime() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        Map<String, Object> body = Map.of("credentials", browser.credentials(shopper.email(), shopper.password()),
                "rememberMe", false);

        browser.post("/api/auth/login", body).assertOk(200);
        browser().post("/api/auth/login", body).assertRefused("LOGIN_REPLAYED");
    }

    @Test
    void somethingThatIsNotAJweIsRefused() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);

        String plainJson = "{\"email\":\"" + shopper.email() + "\",\"password\":\"" + shopper.password() + "\"}";
        Browser.Reply reply = browser.post("/api/auth/login", Map.of("credentials", plainJson))
                .assertRefused("CREDENTIALS_NOT_ENCRYPTED");
        assertThat(reply.field("credentials")).isEqualTo("암호화되지 않았거나 올바르지 않은 로그인 정보입니다.");
        browser.post("/api/auth/login", Map.of("credentials", jws())).assertRefused("CREDENTIALS_NOT_ENCRYPTED");
        browser.post("/api/auth/login", Map.of("credentials", "a.b.c.d.e")).assertRefused("CREDENTIALS_NOT_ENCRYPTED");

        String genuine = browser.credentials(shopper.email(), shopper.password());
        String[] parts = genuine.split("\\.");
        String tampered = String.join(".", parts[0], parts[1], parts[2], parts[3].substring(0, parts[3].length() - 2) + "AA",
                parts[4]);
        browser.post("/api/auth/login", Map.of("credentials", tampered)).assertRefused("CREDENTIALS_NOT_ENCRYPTED");
    }

    @Test
    void anUnknownKeyIdIsLoginKeyExpiredInEnglishWhenAsked() {
        Browser browser = browser();
        browser.acceptLanguage = "en";
        String publicKey = browser.publicKey().get("publicKey").asString();
        String credentials = BrowserCredentials.encrypt(UUID.randomUUID().toString(), publicKey, "x@example.com", "Sunny-Day-1");

        Browser.Reply reply = browser.post("/api/auth/login", Map.of("credentials", credentials)).assertRefused("LOGIN_KEY_EXPIRED");
        assertThat(reply.body().get("message").asString()).isEqualTo("The login key has expired. Fetch a new key and try again.");
    }

    @Test
    void aTimestampMoreThanTwoMinutesOffIsStale() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        var payload = BrowserCredentials.Payload.of(shopper.email(), shopper.password());

        browser.post("/api/auth/login", Map.of("credentials", browser.credentials(payload.at(Instant.now().minusSeconds(150)))))
                .assertRefused("LOGIN_STALE");
        browser.post("/api/auth/login",
                Map.of("credentials", browser.credentials(payload.withNonce(UUID.randomUUID().toString())
                        .at(Instant.now().plusSeconds(150))))).assertRefused("LOGIN_STALE");
        browser.post("/api/auth/login", Map.of("credentials", browser.credentials(payload.withNonce(UUID.randomUUID().toString())
                .at(Instant.now().minusSeconds(60))))).assertOk(200);
    }

    @Test
    void aPayloadWithoutItsMembersIsAValidationError() {
        Browser browser = browser();
        JsonNode key = browser.publicKey();
        String credentials = BrowserCredentials.encryptRaw(key.get("keyId").asString(), key.get("publicKey").asString(),
                "{\"email\":\"x@example.com\"}");
        browser.post("/api/auth/login", Map.of("credentials", credentials)).assertError(400, "VALIDATION_FAILED");
        String notJson = BrowserCredentials.encryptRaw(key.get("keyId").asString(), key.get("publicKey").asString(), "hello");
        browser.post("/api/auth/login", Map.of("credentials", notJson)).assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void aWrongEmailAndAWrongPasswordGetTheSame401() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);

        Browser.Reply wrongPassword = browser.login(shopper.email(), "Wrong-Pass-123").assertError(401, "UNAUTHENTICATED");
        Browser.Reply wrongEmail = browser().login("nobody." + UUID.randomUUID() + "@example.com", shopper.password())
                .assertError(401, "UNAUTHENTICATED");
        assertThat(wrongEmail.body().get("message")).isEqualTo(wrongPassword.body().get("message"));
        assertThat(wrongEmail.body().get("errorDetails").get("fields"))
                .isEqualTo(wrongPassword.body().get("errorDetails").get("fields"));
        assertThat(wrongPassword.body().get("message").asString()).isEqualTo("이메일 또는 비밀번호가 올바르지 않습니다.");
    }

    @Test
    void sixWrongPasswordsGet429WithRetryAfterAndTheLockEndsWithTheWindow() throws Exception {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);

        for (int i = 0; i < 5; i++) {
            browser.login(shopper.email(), "Wrong-Pass-" + i).assertError(401, "UNAUTHENTICATED");
        }
        Browser.Reply locked = browser.login(shopper.email(), "Wrong-Pass-6").assertError(429, "RATE_LIMITED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 10L);
        // the right password does not open a locked account, from anywhere
        browser().login(shopper.email(), shopper.password()).assertError(429, "RATE_LIMITED");

        Thread.sleep(Duration.ofSeconds(Long.parseLong(locked.header("Retry-After"))).plusMillis(300));
        browser.login(shopper.email(), shopper.password()).assertOk(200);
    }

    @Test
    void parallelWrongPasswordsNeverGetMoreThanTheLimitOfChecks() throws Exception {
        Shopper shopper = Shopper.any();
        browser().signup(shopper).assertOk(201);
        List<Browser> browsers = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Browser browser = browser();
            browsers.add(browser);
            bodies.add(Browser.JSON.writeValueAsString(Map.of("credentials", browser.credentials(shopper.email(),
                    "Wrong-Pass-" + i))));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Browser browser = browsers.get(i);
            String body = bodies.get(i);
            attempts.add(() -> {
                start.await();
                return browser.post("/api/auth/login", body).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    @Test
    void loginRotatesTheSessionIdAndSetsTheContractCookie() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), shopper.password()).assertOk(200);
        String first = browser.sessionId();

        Browser.Reply again = browser.login(shopper.email(), shopper.password()).assertOk(200);
        String second = browser.sessionId();
        assertThat(second).isNotEqualTo(first);
        assertThat(redis.hasKey("spring:session:sessions:" + first)).isFalse();
        assertThat(redis.hasKey("spring:session:sessions:" + second)).isTrue();
        assertThat(again.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=")
                .contains("Path=/", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure"));
    }

    @Test
    void aClientCannotFixTheSessionId() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        String planted = UUID.randomUUID().toString();
        browser.setCookie("SESSION", Base64.getEncoder().encodeToString(planted.getBytes()));

        browser.login(shopper.email(), shopper.password()).assertOk(200);
        assertThat(browser.sessionId()).isNotEqualTo(planted);
        assertThat(redis.hasKey("spring:session:sessions:" + planted)).isFalse();
    }

    @Test
    void everyAttemptIsAuditedWithTimeOutcomeAddressAndUserAgent() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), "Wrong-Pass-1").assertError(401, "UNAUTHENTICATED");
        browser.login(shopper.email(), shopper.password()).assertOk(200);
        browser.post("/api/auth/login", Map.of("credentials", "not-a-jwe")).assertRefused("CREDENTIALS_NOT_ENCRYPTED");

        double failuresBefore = loginCount("BAD_CREDENTIALS");
        browser.login(shopper.email(), "Wrong-Pass-2").assertError(401, "UNAUTHENTICATED");
        assertThat(loginCount("BAD_CREDENTIALS")).isEqualTo(failuresBefore + 1);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT outcome, user_id, email, user_agent, occurred_at FROM login_attempt WHERE client_ip = ? ORDER BY id",
                browser.clientIp);
        assertThat(rows).extracting(row -> row.get("outcome"))
                .containsExactly("BAD_CREDENTIALS", "SUCCESS", "CREDENTIALS_NOT_ENCRYPTED", "BAD_CREDENTIALS");
        assertThat(rows.get(1).get("user_id")).isEqualTo(userId(shopper.email()));
        assertThat(rows.get(1).get("email")).isEqualTo(shopper.email());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("user_agent").toString()).contains("Chrome");
            assertThat(row.get("occurred_at")).isNotNull();
        });
    }

    private double loginCount(String outcome) {
        Counter counter = meters.find("shop.auth.logins").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String jws() {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload("{\"email\":\"x@example.com\"}"));
            jws.sign(new MACSigner(new byte[32]));
            return jws.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
