package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;

/**
 * Every event auth-service publishes, as it arrives on {@code shop.auth.user}: the golden file's
 * envelope and payload members with the same JSON types, the key = the user id, the wire headers.
 */
class PublishedEventShapeIntegrationTests extends AuthIntegrationTest {

    @Test
    void everyAuthEventHasTheShapeOfItsGoldenFile() {
        Shopper shopper = Shopper.any();
        Browser browser = loggedIn(shopper);
        long userId = userId(shopper.email());
        browser.patch("/api/users/me", Map.of("locale", "en")).assertOk(200);
        browser().post("/api/auth/password-reset", Map.of("email", shopper.email())).assertOk(202);
        browser().post("/api/auth/find-email", Map.of("name", shopper.name(), "phone", shopper.phone())).assertOk(202);
        browser.post("/api/users/me/withdrawal", Map.of("credentials", browser.credentials(shopper.email(), shopper.password())))
                .assertOk(204);

        JsonNode registered = assertGoldenShape(UserRegistered.TYPE, userId);
        assertThat(registered.at("/payload/email").asString()).isEqualTo(shopper.email());
        assertThat(registered.at("/payload/phone").asString()).isEqualTo(shopper.phone());
        assertThat(registered.get("aggregateVersion").asLong()).isZero();
        assertThat(assertGoldenShape(UserUpdated.TYPE, userId).at("/payload/locale").asString()).isEqualTo("en");
        assertThat(assertGoldenShape(PasswordResetRequested.TYPE, userId).at("/payload/locale").asString()).isEqualTo("en");
        assertGoldenShape(EmailLookupRequested.TYPE, userId);
        assertGoldenShape(UserWithdrawn.TYPE, userId);
    }

    private JsonNode assertGoldenShape(String type, long userId) {
        PublishedEvents.Published published = PublishedEvents.await(brokers(), type, userId);
        JsonNode golden = Browser.JSON.readTree(GoldenFiles.eventJson(type));
        JsonNode actual = published.envelope();

        assertThat(published.key()).isEqualTo(Long.toString(userId));
        assertThat(published.typeHeader()).isEqualTo(type);
        assertThat(published.versionHeader()).isEqualTo("1");
        assertThat(actual.get("type").asString()).isEqualTo(type);
        assertThat(actual.get("aggregateId").asString()).isEqualTo(Long.toString(userId));
        assertSameShape(actual, golden, type);
        return actual;
    }

    private static void assertSameShape(JsonNode actual, JsonNode golden, String path) {
        assertThat(actual.propertyNames()).as(path).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
        for (String name : golden.propertyNames()) {
            JsonNode expected = golden.get(name);
            JsonNode value = actual.get(name);
            assertThat(value.getNodeType()).as(path + "." + name).isEqualTo(expected.getNodeType());
            if (expected.isObject()) {
                assertSameShape(value, expected, path + "." + name);
            }
        }
    }
}
