package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;

/** Me, profile changes, password change and withdrawal (회원탈퇴). */
class SelfServiceIntegrationTests extends AuthIntegrationTest {

    @Test
    void meShowsTheProfileWithAMaskedPhoneAndNothingSecret() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);
        JsonNode me = browser.get("/api/users/me").assertOk(200).data();

        assertThat(me.propertyNames()).containsExactlyInAnyOrder("id", "email", "name", "phone", "role", "locale",
                "marketingConsent", "createdAt");
        assertThat(me.get("phone").asString()).isEqualTo("010-****-" + shopper.phone().substring(9));
        assertThat(me.get("createdAt").asString()).endsWith("Z");
    }

    @Test
    void aProfileChangeIsPublishedAndReachesTheLiveSessions() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);
        String newPhone = Shopper.randomPhone();

        JsonNode me = browser.patch("/api/users/me", Map.of("name", "Minsu Kim", "phone", newPhone, "locale", "en",
                "marketingConsent", false)).assertOk(200).data();
        assertThat(me.get("name").asString()).isEqualTo("Minsu Kim");
        assertThat(me.get("locale").asString()).isEqualTo("en");
        assertThat(me.get("marketingConsent").asBoolean()).isFalse();

        String key = "spring:session:sessions:" + browser.sessionId();
        assertThat(redis.opsForHash().get(key, "sessionAttr:shop.name")).isEqualTo("\"Minsu Kim\"");
        assertThat(redis.opsForHash().get(key, "sessionAttr:shop.locale")).isEqualTo("\"en\"");

        long userId = userId(shopper.email());
        JsonNode event = PublishedEvents.await(brokers(), UserUpdated.TYPE, userId).envelope();
        assertThat(event.at("/payload/phone").asString()).isEqualTo(newPhone);
        assertThat(event.at("/payload/marketingConsent").asBoolean()).isFalse();
        assertThat(event.get("aggregateVersion").asLong()).isPositive();
    }

    @Test
    void aProfileChangeIsValidated() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);
        Shopper other = Shopper.any();
        browser().signup(other).assertOk(201);

        browser.patch("/api/users/me", Map.of("phone", "123")).assertError(400, "VALIDATION_FAILED");
        browser.patch("/api/users/me", Map.of("name", "  ")).assertError(400, "VALIDATION_FAILED");
        browser.patch("/api/users/me", Map.of("locale", "fr")).assertError(400, "VALIDATION_FAILED");
        Browser.Reply taken = browser.patch("/api/users/me", Map.of("phone", other.phone())).assertError(409, "CONFLICT");
        assertThat(taken.field("phone")).isEqualTo("이미 가입된 휴대폰 번호입니다.");
        browser().patch("/api/users/me", Map.of("name", "x")).assertError(401, "UNAUTHENTICATED");
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        Shopper shopper = Shopper.any();
        Browser laptop = loggedIn(shopper);
        Browser phone = browser();
        phone.login(shopper.email(), shopper.password(), true).assertOk(200);
        String newPassword = "Brand-New-Pass-42";

        laptop.post("/api/users/me/password", Map.of(
                "currentCredentials", laptop.credentials(shopper.email(), shopper.password()),
                "newCredentials", laptop.credentials(shopper.email(), newPassword))).assertOk(204);

        laptop.get("/api/users/me").assertOk(200);
        phone.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
        browser().login(shopper.email(), shopper.password()).assertError(401, "UNAUTHENTICATED");
        browser().login(shopper.email(), newPassword).assertOk(200);
    }

    @Test
    void aPasswordChangeNeedsTheRightCurrentPasswordAndAGoodNewOne() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);

        Browser.Reply wrong = browser.post("/api/users/me/password", Map.of(
                "currentCredentials", browser.credentials(shopper.email(), "Not-My-Pass-1"),
                "newCredentials", browser.credentials(shopper.email(), "Brand-New-Pass-42"))).assertError(400, "VALIDATION_FAILED");
        assertThat(wrong.field("currentCredentials")).isEqualTo("현재 비밀번호가 올바르지 않습니다.");
        browser.post("/api/users/me/password", Map.of(
                "currentCredentials", browser.credentials(shopper.email(), shopper.password()),
                "newCredentials", browser.credentials(shopper.email(), shopper.password()))).assertError(400, "VALIDATION_FAILED");
        Browser.Reply weak = browser.post("/api/users/me/password", Map.of(
                "currentCredentials", browser.credentials(shopper.email(), shopper.password()),
                "newCredentials", browser.credentials(shopper.email(), "password1"))).assertError(400, "VALIDATION_FAILED");
        assertThat(weak.field("newCredentials")).isEqualTo("너무 흔한 비밀번호입니다. 다른 비밀번호를 입력해 주세요.");
        browser.post("/api/users/me/password", Map.of("currentCredentials", "x")).assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void withdrawalErasesThePersonEndsEverythingAndIsPublished() {
        Shopper shopper = Shopper.any();
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), "Wrong-Pass-1").assertError(401, "UNAUTHENTICATED");
        browser.login(shopper.email(), shopper.password(), true).assertOk(200);
        Browser phone = browser();
        phone.login(shopper.email(), shopper.password()).assertOk(200);
        long userId = userId(shopper.email());

        browser.post("/api/users/me/withdrawal", Map.of("credentials", browser.credentials(shopper.email(), "Wrong-Pass-2")))
                .assertError(400, "VALIDATION_FAILED");
        Browser.Reply withdrawn = browser.post("/api/users/me/withdrawal",
                Map.of("credentials", browser.credentials(shopper.email(), shopper.password()))).assertOk(204);
        assertThat(withdrawn.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age=0"));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM users WHERE id = ?", userId);
        assertThat(row.get("status")).isEqualTo("WITHDRAWN");
        assertThat(row).containsEntry("email", null).containsEntry("email_normalized", null).containsEntry("name", null)
                .containsEntry("phone", null).containsEntry("password_hash", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token WHERE user_id = ?", Integer.class, userId)).isZero();
        assertThat(jdbc.queryForList("SELECT email, client_ip, user_agent FROM login_attempt WHERE user_id = ?", userId))
                .isNotEmpty()
                .allSatisfy(attempt -> assertThat(attempt.values()).containsOnlyNulls());
        assertThat(redis.opsForSet().members("shop:auth:user-sessions:" + userId)).isEmpty();

        phone.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
        browser().login(shopper.email(), shopper.password()).assertError(401, "UNAUTHENTICATED");
        JsonNode event = PublishedEvents.await(brokers(), UserWithdrawn.TYPE, userId).envelope();
        assertThat(event.at("/payload/userId").asLong()).isEqualTo(userId);
        // the address is free again
        browser().signup(shopper.withPhone(Shopper.randomPhone())).assertOk(201);
    }
}
