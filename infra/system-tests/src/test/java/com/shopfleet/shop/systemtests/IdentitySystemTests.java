package com.shopfleet.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.shopfleet.shop.localstack.DemoAccounts;
import com.shopfleet.shop.localstack.LocalStack;

/**
 * Accounts, encrypted login, sessions and the gateway's identity layer, as a storefront in a
 * browser sees them (issue: Identity). Everything goes through the gateway of the real fleet.
 */
class IdentitySystemTests {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 10_000_000));
    private static DemoAccounts demo;

    @BeforeAll
    static void startFleet() {
        LocalStack fleet = RunningFleet.stack();
        demo = fleet.context().demoAccounts();
    }

    @Test
    void signupLoginMeLogoutWithABrowserMadeJweOfALongEmailAndPassword() {
        Shopper browser = new Shopper();
        String email = ("a".repeat(40) + UUID.randomUUID().toString().substring(0, 4) + "@shop.test").substring(0, 54);
        String password = "Pw1!" + "x".repeat(60);
        assertThat(email).hasSize(54);
        assertThat(password).hasSize(64);

        assertThat(browser.signup(email, password, "김민수", phone()).status()).isEqualTo(201);
        Http.Reply login = browser.login(email, password, false);
        assertThat(login.status()).as(login.response().body()).isEqualTo(200);

        Http.Reply me = browser.get("/api/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().at("/data/email").asString()).isEqualTo(email);
        assertThat(me.response().body()).doesNotContain("password");

        assertThat(browser.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(browser.get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void aReplayedLoginAndAPlaintextLoginAreRefused() {
        Shopper browser = new Shopper();
        String email = newEmail();
        browser.signup(email, "Secret-123", "이영희", phone());
        Map<String, Object> body = Map.of("credentials", browser.credentials(email, "Secret-123"), "rememberMe", false);

        assertThat(browser.post("/api/auth/login", body).status()).isEqualTo(200);
        Http.Reply replay = new Shopper().post("/api/auth/login", body);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("LOGIN_REPLAYED");

        Http.Reply plaintext = new Shopper().post("/api/auth/login",
                Map.of("credentials", "{\"email\":\"" + email + "\",\"password\":\"Secret-123\"}", "rememberMe", false));
        assertThat(plaintext.status()).isEqualTo(400);
        assertThat(plaintext.code()).isEqualTo("CREDENTIALS_NOT_ENCRYPTED");
    }

    @Test
    void sixWrongPasswordsAreRateLimitedWithRetryAfter() {
        Shopper browser = new Shopper();
        String email = newEmail();
        browser.signup(email, "Secret-123", "박지훈", phone());

        Http.Reply last = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            last = browser.login(email, "Wrong-" + attempt + "99", false);
            if (attempt <= 5) {
                assertThat(last.status()).as("attempt %d", attempt).isIn(401, 429);
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        assertThat(last.response().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void rememberMeLogsInAfterTheSessionIsGoneAndAReusedTokenRevokesAll() {
        Shopper browser = new Shopper();
        String email = newEmail();
        browser.signup(email, "Secret-123", "최수진", phone());
        assertThat(browser.login(email, "Secret-123", true).status()).isEqualTo(200);
        String firstToken = browser.cookie("REMEMBER_ME");
        assertThat(firstToken).isNotBlank();

        browser.dropCookie("SESSION");
        Http.Reply remembered = browser.get("/api/users/me");
        assertThat(remembered.status()).isEqualTo(200);
        assertThat(browser.cookie("REMEMBER_ME")).isNotEqualTo(firstToken);

        pause(RunningFleet.REMEMBER_ME_ROTATION_GRACE.plusMillis(500));
        Shopper thief = new Shopper("Mozilla/5.0 (someone else's machine)");
        thief.setCookie("REMEMBER_ME", firstToken);
        assertThat(thief.get("/api/users/me").status()).isEqualTo(401);

        browser.dropCookie("SESSION");
        assertThat(browser.get("/api/users/me").status()).as("theft revoked every token of the user").isEqualTo(401);
    }

    @Test
    void anUnsafeRequestWithoutTheCsrfHeaderIs403AndAClientIdentityHeaderChangesNothing() {
        Shopper browser = new Shopper();
        browser.get("/api/auth/public-key");
        Http.Reply noHeader = Http.send(java.net.http.HttpClient.newHttpClient(), HttpRequest.newBuilder(
                URI.create(RunningFleet.GATEWAY + "/api/auth/logout"))
                .header("Cookie", "XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN"))
                .POST(BodyPublishers.noBody()).build());
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.code()).isEqualTo("CSRF_REJECTED");

        Http.Reply forged = browser.send(HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + "/api/users/me"))
                .header("X-Shop-Identity", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwicm9sZSI6IkFETUlOIn0.")
                .GET());
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void rolesAreCheckedAtTheGatewayAndARoleChangeAppliesOnTheNextRequest() {
        Shopper user = new Shopper();
        String email = newEmail();
        user.signup(email, "Secret-123", "정다은", phone());
        user.login(email, "Secret-123", false);
        assertThat(user.get("/api/admin/users").status()).isEqualTo(403);
        long userId = user.get("/api/users/me").body().at("/data/id").asLong();

        Shopper admin = new Shopper();
        assertThat(admin.login(demo.staff().email(), demo.staff().password(), false).status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(200);
        assertThat(admin.patch("/api/admin/users/" + userId + "/role", Map.of("role", "SELLER")).status()).isEqualTo(200);

        assertThat(user.get("/api/admin/products").status()).as("a SELLER manages products").isNotIn(401, 403);
        assertThat(user.get("/api/admin/orders").status()).as("but not orders").isEqualTo(403);
    }

    @Test
    void aWithdrawnUserCannotLogInAgain() {
        Shopper browser = new Shopper();
        String email = newEmail();
        browser.signup(email, "Secret-123", "한지민", phone());
        browser.login(email, "Secret-123", false);

        Http.Reply withdrawal = browser.post("/api/users/me/withdrawal",
                Map.of("credentials", browser.credentials(email, "Secret-123")));
        assertThat(withdrawal.status()).isEqualTo(204);
        assertThat(browser.get("/api/users/me").status()).isEqualTo(401);
        assertThat(new Shopper().login(email, "Secret-123", false).status()).isEqualTo(401);
    }

    @Test
    void badInputIsA4xxEnvelopeNeverA500() {
        Shopper browser = new Shopper();
        assertThat(browser.postRaw("/api/auth/login", "{\"credentials\": ").status()).isEqualTo(400);
        assertThat(browser.post("/api/auth/signup", Map.of("email", "x@y.z")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(browser.post("/api/auth/login", Map.of("credentials", "a.b.c.d.e", "rememberMe", false)).status())
                .isEqualTo(400);
        String unknownKid = browser.credentials("a@b.cd", "Secret-123").replaceFirst("^[^.]+",
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"no-such-key\"}".getBytes()));
        Http.Reply expiredKey = browser.post("/api/auth/login", Map.of("credentials", unknownKid, "rememberMe", false));
        assertThat(expiredKey.status()).isEqualTo(400);
        assertThat(expiredKey.code()).isEqualTo("LOGIN_KEY_EXPIRED");
        Http.Reply huge = browser.postRaw("/api/auth/signup", "{\"email\": \"" + "x".repeat(1_048_576) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
    }

    private static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@shop.test";
    }

    private static String phone() {
        return String.format("010-%04d-%04d", (PHONES.incrementAndGet() / 10_000) % 10_000, PHONES.get() % 10_000);
    }
}
