package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The session as the gateway reads it (CONTRACTS §3, docs/identity-flow.md): the raw Redis hash, the
 * cookie, the per-user index — and that the session list and role changes work on it.
 */
class SessionContractIntegrationTests extends AuthIntegrationTest {

    @Test
    void theSessionHashHoldsPlainJsonInTheAgreedLayout() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);
        long userId = userId(shopper.email());
        String sessionId = browser.sessionId();
        String key = "spring:session:sessions:" + sessionId;

        Map<String, String> hash = new LinkedHashMap<>();
        redis.opsForHash().entries(key).forEach((field, value) -> hash.put(field.toString(), value.toString()));

        assertThat(hash).containsEntry("sessionAttr:shop.userId", "\"" + userId + "\"")
                .containsEntry("sessionAttr:shop.role", "\"USER\"")
                .containsEntry("sessionAttr:shop.name", "\"김민수\"")
                .containsEntry("sessionAttr:shop.locale", "\"ko\"")
                .containsEntry("maxInactiveInterval", "1800");
        assertThat(hash.get("sessionAttr:shop.authTime")).matches("\"[0-9]{13}\"");
        assertThat(hash.get("creationTime")).matches("[0-9]{13}");
        assertThat(hash.get("lastAccessedTime")).matches("[0-9]{13}");
        assertThat(hash.keySet()).allMatch(field -> field.startsWith("sessionAttr:shop.")
                || Set.of("creationTime", "lastAccessedTime", "maxInactiveInterval").contains(field));
        assertThat(hash.values()).noneSatisfy(value -> assertThat(value).contains("@class", "java.", "\\u00ac\\u00ed"));
        assertThat(hash.toString()).doesNotContain(shopper.password()).doesNotContainIgnoringCase("argon");

        long ttl = redis.getExpire(key);
        assertThat(ttl).isBetween(1700L, 1800L);
        assertThat(redis.opsForSet().members("shop:auth:user-sessions:" + userId)).containsExactly(sessionId);
    }

    @Test
    void theSessionCookieIsBase64OfTheId() {
        Browser browser = loggedIn(Shopper.any());
        String cookie = browser.cookie("SESSION");
        assertThat(Base64.getDecoder().decode(cookie)).asString().isEqualTo(browser.sessionId());
        assertThat(browser.sessionId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theListShowsEachDeviceWithLastSeenAndHandlesInsteadOfSessionIds() {
        Shopper shopper = Shopper.any();
        Browser laptop = loggedIn(shopper);
        Browser phone = browser();
        phone.userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1";
        phone.login(shopper.email(), shopper.password()).assertOk(200);

        Browser.Reply list = laptop.get("/api/users/me/sessions").assertOk(200);
        List<JsonNode> sessions = list.data().valueStream().toList();
        assertThat(sessions).hasSize(2);
        assertThat(sessions).extracting(session -> session.get("device").asString())
                .containsExactlyInAnyOrder("Chrome on Windows", "Safari on iPhone");
        assertThat(sessions).filteredOn(session -> session.get("current").asBoolean()).singleElement()
                .satisfies(session -> assertThat(session.get("device").asString()).isEqualTo("Chrome on Windows"));
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.get("lastSeenAt").asString()).endsWith("Z");
            assertThat(session.get("clientIp").asString()).isIn(laptop.clientIp, phone.clientIp);
        });
        assertThat(list.response().body()).doesNotContain(laptop.sessionId(), phone.sessionId());
    }

    @Test
    void endingAnotherSessionLogsThatDeviceOutAtOnce() {
        Shopper shopper = Shopper.any();
        Browser laptop = loggedIn(shopper);
        Browser phone = browser();
        phone.login(shopper.email(), shopper.password(), true).assertOk(200);

        String phoneHandle = laptop.get("/api/users/me/sessions").data().valueStream()
                .filter(session -> !session.get("current").asBoolean())
                .findFirst().orElseThrow().get("id").asString();
        laptop.delete("/api/users/me/sessions/" + phoneHandle).assertOk(204);

        assertThat(redis.hasKey("spring:session:sessions:" + phone.sessionId())).isFalse();
        // its remember-me series ended with it: the phone does not come back by itself
        phone.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
        laptop.get("/api/users/me").assertOk(200);
        laptop.delete("/api/users/me/sessions/" + phoneHandle).assertError(404, "NOT_FOUND");
    }

    @Test
    void anExpiredSessionIsNoLongerListedOrIndexed() {
        Shopper shopper = Shopper.any();
        Browser laptop = loggedIn(shopper);
        Browser other = browser();
        other.login(shopper.email(), shopper.password()).assertOk(200);
        long userId = userId(shopper.email());
        redis.delete("spring:session:sessions:" + other.sessionId());

        assertThat(laptop.get("/api/users/me/sessions").data().size()).isEqualTo(1);
        assertThat(redis.opsForSet().members("shop:auth:user-sessions:" + userId)).isEqualTo(Set.of(laptop.sessionId()));
    }

    @Test
    void aSessionTheGatewayFindsIdleTooLongIsGoneForIt() {
        Browser browser = loggedIn(Shopper.any());
        String key = "spring:session:sessions:" + browser.sessionId();
        redis.opsForHash().put(key, "lastAccessedTime", Long.toString(System.currentTimeMillis() - 31 * 60 * 1000));

        browser.get("/api/users/me").assertError(401, "UNAUTHENTICATED");
    }
}
