package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;

/** Password reset by one-time code and "find my email": answers that reveal nothing. */
class RecoveryIntegrationTests extends AuthIntegrationTest {

    @Test
    void aResetCodeSetsANewPasswordAndEndsEverySession() {
        Shopper shopper = Shopper.any();
        Browser laptop = loggedIn(shopper);
        Browser stranger = browser();
        long userId = userId(shopper.email());

        stranger.post("/api/auth/password-reset", Map.of("email", shopper.email().toUpperCase())).assertOk(202);
        JsonNode event = PublishedEvents.await(brokers(), PasswordResetRequested.TYPE, userId).envelope();
        String code = event.at("/payload/code").asString();
        assertThat(code).matches("[0-9]{6}");
        assertThat(redis.opsForHash().entries("shop:auth:password-reset:" + userId).values()).doesNotContain(code);

        String newPassword = "Reset-Pass-2026";
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        Browser.Reply wrong = confirm(stranger, shopper.email(), wrongCode, newPassword).assertError(400, "VALIDATION_FAILED");
        assertThat(wrong.field("code")).isEqualTo("인증번호가 올바르지 않거나 만료되었습니다.");
        confirm(stranger, shopper.email(), code, "weakpass").assertError(400, "VALIDATION_FAILED");
        confirm(stranger, shopper.email(), code, newPassword).assertOk(204);

        laptop.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
        browser().login(shopper.email(), newPassword).assertOk(200);
        confirm(stranger, shopper.email(), code, "Another-Pass-77").assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void fiveWrongCodesVoidTheCode() throws Exception {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        long userId = userId(shopper.email());
        browser.post("/api/auth/password-reset", Map.of("email", shopper.email())).assertOk(202);
        String code = PublishedEvents.await(brokers(), PasswordResetRequested.TYPE, userId).envelope()
                .at("/payload/code").asString();

        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
            confirm(browser(), shopper.email(), wrong, "Reset-Pass-2026").assertError(400, "VALIDATION_FAILED");
        }
        confirm(browser(), shopper.email(), code, "Reset-Pass-2026").assertError(400, "VALIDATION_FAILED");
        browser().login(shopper.email(), shopper.password()).assertOk(200);
    }

    @Test
    void anUnknownEmailGetsTheSame202AndNothingIsSent() {
        String email = "nobody." + System.nanoTime() + "@example.com";
        Browser.Reply reply = browser().post("/api/auth/password-reset", Map.of("email", email)).assertOk(202);
        assertThat(reply.body().get("success").asBoolean()).isTrue();
        confirm(browser(), email, "123456", "Reset-Pass-2026").assertError(400, "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
                Integer.class, "%" + email + "%")).isZero();
    }

    @Test
    void tooManyRecoveryRequestsFromOneAddressAre429() {
        Browser browser = browser();
        for (int i = 0; i < 10; i++) {
            browser.post("/api/auth/password-reset", Map.of("email", "someone" + i + "@example.com")).assertOk(202);
        }
        Browser.Reply limited = browser.post("/api/auth/password-reset", Map.of("email", "x@example.com"))
                .assertError(429, "RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void findMyEmailSendsTheMaskedAddressByEventAndNeverInTheResponse() {
        Shopper shopper = Shopper.any();
        browser().signup(shopper).assertOk(201);
        long userId = userId(shopper.email());

        Browser.Reply reply = browser().post("/api/auth/find-email", Map.of("name", "김 민수", "phone",
                shopper.phone().replace("-", ""))).assertOk(202);
        assertThat(reply.response().body()).doesNotContain("@example.com").doesNotContain("shopper");
        JsonNode event = PublishedEvents.await(brokers(), EmailLookupRequested.TYPE, userId).envelope();
        assertThat(event.at("/payload/maskedEmail").asString()).isEqualTo("sh" + "*".repeat(14) + "@example.com");
        assertThat(event.at("/payload/phone").asString()).isEqualTo(shopper.phone());

        browser().post("/api/auth/find-email", Map.of("name", "이영희", "phone", shopper.phone())).assertOk(202);
        browser().post("/api/auth/find-email", Map.of("name", "이영희", "phone", "12345")).assertError(400, "VALIDATION_FAILED");
    }

    private static Browser.Reply confirm(Browser browser, String email, String code, String newPassword) {
        return browser.post("/api/auth/password-reset/confirm", Map.of("email", email, "code", code,
                "credentials", browser.credentials(email, newPassword)));
    }
}
