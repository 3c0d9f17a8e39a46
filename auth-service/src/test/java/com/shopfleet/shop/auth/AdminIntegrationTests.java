package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Staff: ADMIN lists users and changes roles; a role change reaches the user's live sessions at once. */
class AdminIntegrationTests extends AuthIntegrationTest {

    @Test
    void onlyAnAdminListsUsers() {
        Shopper staff = Shopper.any();
        Browser admin = loggedIn(staff);
        makeAdmin(staff, admin);
        Shopper shopper = Shopper.any();
        Browser user = loggedIn(shopper);

        user.get("/api/admin/users").assertError(403, "FORBIDDEN");
        browser().get("/api/admin/users").assertError(401, "UNAUTHENTICATED");

        Browser.Reply page = admin.get("/api/admin/users?size=5&email=" + shopper.email()).assertOk(200);
        assertThat(page.data().at("/page/size").asInt()).isEqualTo(5);
        JsonNode listed = page.data().get("content").get(0);
        assertThat(listed.get("email").asString()).isEqualTo(shopper.email());
        assertThat(listed.get("phone").asString()).matches("010-\\*{4}-[0-9]{4}");
        assertThat(page.response().body()).doesNotContainIgnoringCase("password");

        admin.get("/api/admin/users?size=1000").assertError(400, "VALIDATION_FAILED");
        admin.get("/api/admin/users?role=KING").assertError(400, "VALIDATION_FAILED");
    }

    @Test
    void aRoleChangeAppliesToTheUsersLiveSessionsAtOnce() {
        Shopper staff = Shopper.any();
        Browser admin = loggedIn(staff);
        makeAdmin(staff, admin);
        Shopper seller = Shopper.any();
        Browser laptop = loggedIn(seller);
        Browser phone = browser();
        phone.login(seller.email(), seller.password()).assertOk(200);
        long sellerId = userId(seller.email());

        Browser.Reply changed = admin.patch("/api/admin/users/" + sellerId + "/role", Map.of("role", "SELLER")).assertOk(200);
        assertThat(changed.data().get("role").asString()).isEqualTo("SELLER");

        for (Browser browser : new Browser[] { laptop, phone }) {
            assertThat(redis.opsForHash().get("spring:session:sessions:" + browser.sessionId(), "sessionAttr:shop.role"))
                    .isEqualTo("\"SELLER\"");
            assertThat(browser.get("/api/users/me").data().get("role").asString()).isEqualTo("SELLER");
        }
        admin.patch("/api/admin/users/" + sellerId + "/role", Map.of("role", "USER")).assertOk(200);
        laptop.get("/api/admin/users").assertError(403, "FORBIDDEN");
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleNorAnUnknownUser() {
        Shopper staff = Shopper.any();
        Browser admin = loggedIn(staff);
        makeAdmin(staff, admin);

        admin.patch("/api/admin/users/" + userId(staff.email()) + "/role", Map.of("role", "USER"))
                .assertError(422, "BUSINESS_RULE_VIOLATED");
        admin.patch("/api/admin/users/987654321/role", Map.of("role", "USER")).assertError(404, "NOT_FOUND");
        admin.patch("/api/admin/users/1/role", Map.of("role", "EMPEROR")).assertError(400, "MALFORMED_REQUEST");
    }

    /** The first ADMIN comes from configuration (local demo staff) or the database; then a new login. */
    private void makeAdmin(Shopper staff, Browser browser) {
        jdbc.update("UPDATE users SET role = 'ADMIN' WHERE email_normalized = ?", staff.email().toLowerCase());
        browser.login(staff.email(), staff.password()).assertOk(200);
    }
}
