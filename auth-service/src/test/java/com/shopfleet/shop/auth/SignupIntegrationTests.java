package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Signup (CONTRACTS §2 body) and every way to get it wrong: always a 4xx envelope, never a 500. */
class SignupIntegrationTests extends AuthIntegrationTest {

    @Test
    void aSignupCreatesTheAccountWithAModernHashAndAnswers201() {
        Shopper shopper = Shopper.any();
        Browser.Reply reply = browser().signup(shopper).assertOk(201);

        assertThat(reply.data().get("email").asString()).isEqualTo(shopper.email());
        assertThat(reply.data().get("phone").asString()).matches("010-\\*{4}-[0-9]{4}");
        assertThat(reply.data().get("role").asString()).isEqualTo("USER");
        assertThat(reply.data().get("marketingConsent").asBoolean()).isTrue();
        assertThat(reply.response().body()).doesNotContainIgnoringCase("password").doesNotContain("argon2");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM users WHERE id = ?", reply.data().get("id").asLong());
        assertThat(row.get("password_hash").toString()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(row.get("phone")).isEqualTo(shopper.phone().replace("-", ""));
        assertThat(row.get("terms_agreed_at")).isNotNull();
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        Shopper shopper = Shopper.any();
        browser().signup(shopper).assertOk(201);

        Browser.Reply again = browser().signup(Shopper.any().withEmail(shopper.email().toUpperCase()))
                .assertError(409, "CONFLICT");
        assertThat(again.field("email")).isEqualTo("이미 가입된 이메일입니다.");
        Browser.Reply phone = browser().signup(Shopper.any().withPhone(shopper.phone().replace("-", "")))
                .assertError(409, "CONFLICT");
        assertThat(phone.field("phone")).isEqualTo("이미 가입된 휴대폰 번호입니다.");
    }

    @Test
    void twoSignupsWithTheSameEmailAtOnceGiveOne201AndOne409() throws Exception {
        String email = Shopper.any().email();
        List<Browser> browsers = List.of(browser(), browser(), browser());
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Browser browser : browsers) {
            Shopper shopper = Shopper.any().withEmail(email);
            bodies.add(shopper.signupBody(browser.credentials(email, shopper.password())));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> signups = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Browser browser = browsers.get(i);
            Map<String, Object> body = bodies.get(i);
            signups.add(() -> {
                start.await();
                return browser.post("/api/auth/signup", body).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = signups.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE email_normalized = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void weakAndCommonPasswordsAreRefusedNamingTheCredentials() {
        Map<String, String> refusals = Map.of(
                "Short1!", "비밀번호는 8자 이상 64자 이하로 입력해 주세요.",
                "onlyletters", "비밀번호는 영문, 숫자, 특수문자 중 두 가지 이상을 포함해야 합니다.",
                "qwer1234", "너무 흔한 비밀번호입니다. 다른 비밀번호를 입력해 주세요.",
                "P@ssw0rd", "너무 흔한 비밀번호입니다. 다른 비밀번호를 입력해 주세요.",
                "a" + "1".repeat(64), "비밀번호는 8자 이상 64자 이하로 입력해 주세요.");
        refusals.forEach((password, reason) -> {
            Browser.Reply reply = browser().signup(Shopper.any().withPassword(password)).assertError(400, "VALIDATION_FAILED");
            assertThat(reply.field("credentials")).as(password).isEqualTo(reason);
        });
        Shopper shopper = Shopper.any();
        String local = shopper.email().substring(0, shopper.email().indexOf('@'));
        browser().signup(shopper.withPassword(local + "!1")).assertError(400, "VALIDATION_FAILED");
        browser().signup(Shopper.any().withPassword("한글비밀번호입니다1")).assertOk(201);
    }

    @Test
    void requiredConsentsMustBeGiven() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        Map<String, Object> body = new LinkedHashMap<>(shopper.signupBody(browser.credentials(shopper.email(), shopper.password())));
        body.put("consents", Map.of("age14", true, "terms", false, "marketing", false));

        Browser.Reply reply = browser.post("/api/auth/signup", body).assertError(400, "VALIDATION_FAILED");
        assertThat(reply.body().at("/errorDetails/fields").propertyNames()).contains("consents.terms", "consents.privacy");
    }

    @Test
    void theCredentialsMustCarryTheSameEmail() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        Browser.Reply reply = browser.post("/api/auth/signup",
                shopper.signupBody(browser.credentials("someone.else@example.com", shopper.password())))
                .assertError(400, "VALIDATION_FAILED");
        assertThat(reply.field("credentials")).isEqualTo("로그인 정보의 이메일이 요청의 이메일과 다릅니다.");
        browser.post("/api/auth/signup", shopper.signupBody("{\"password\":\"plain\"}")).assertRefused("CREDENTIALS_NOT_ENCRYPTED");
    }

    @Test
    void badInputIsAlwaysA4xxEnvelope() {
        Browser browser = browser();
        browser.raw("POST", "/api/auth/signup", "{\"email\": \"x@example.com\", ", "application/json")
                .assertError(400, "MALFORMED_REQUEST");
        Browser.Reply missing = browser.raw("POST", "/api/auth/signup", "{}", "application/json")
                .assertError(400, "VALIDATION_FAILED");
        assertThat(missing.body().at("/errorDetails/fields").propertyNames())
                .contains("email", "name", "phone", "consents", "credentials");
        browser.post("/api/auth/signup", Shopper.any().withEmail("not-an-email").signupBody("x"))
                .assertError(400, "VALIDATION_FAILED");
        Browser.Reply phone = browser.post("/api/auth/signup",
                Shopper.any().withPhone("02-123-4567").signupBody(browser.credentials("x@example.com", "Sunny-Day-1")));
        phone.assertError(400, "VALIDATION_FAILED");
        browser.raw("POST", "/api/auth/signup", "email=x", "text/plain").assertError(415, "UNSUPPORTED_MEDIA_TYPE");
        browser.raw("POST", "/api/auth/login", "{\"credentials\": \"" + "A".repeat(1024 * 1024) + "\"}", "application/json")
                .assertError(413, "PAYLOAD_TOO_LARGE");
        browser.raw("POST", "/api/auth/login", "[1, 2]", "application/json").assertError(400, "MALFORMED_REQUEST");
        browser.raw("POST", "/api/auth/login", "{\"credentials\": 42, \"rememberMe\": \"maybe\"}", "application/json")
                .assertError(400, "MALFORMED_REQUEST");
    }
}
