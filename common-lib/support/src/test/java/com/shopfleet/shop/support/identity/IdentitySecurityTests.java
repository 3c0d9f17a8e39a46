package com.shopfleet.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.contracts.web.ApiResponse;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet", "spring.application.name=probe-service",
        "shop.identity.signing-key=" + IdentitySecurityTests.KEY, "shop.identity.public-paths=/public/**" })
class IdentitySecurityTests {

    static final String KEY = "c2VjdXJpdHktdGVzdHMta2V5LTAxMjM0NTY3ODlhYmNkZWY";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    @RestController
    static class Endpoints {

        @GetMapping("/public/ping")
        ApiResponse<String> ping() {
            return ApiResponse.ok("pong");
        }

        @GetMapping("/me")
        ApiResponse<Long> me(@AuthenticationPrincipal ShopIdentity me) {
            return ApiResponse.ok(me.userId());
        }

        @GetMapping("/public/client")
        ApiResponse<String> client(HttpServletRequest request) {
            return ApiResponse.ok(ClientAddress.of(request));
        }

        @GetMapping("/manage")
        @PreAuthorize("hasRole('MANAGER')")
        ApiResponse<String> manage() {
            return ApiResponse.ok("managed");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValidTokenAuthenticatesTheCaller() throws Exception {
        HttpResponse<String> response = get("/me", tokens.mint(identity(Role.USER), "probe-service"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"data\":42");
    }

    @Test
    void noTokenOnAProtectedEndpointIs401() throws Exception {
        assertUnauthenticated(get("/me", null));
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        String forged = new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60), Duration.ZERO,
                Clock.systemUTC()).mint(identity(Role.ADMIN), "probe-service");
        assertUnauthenticated(get("/me", forged));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        IdentityTokens past = new IdentityTokens(IdentityTokens.decodeKey(KEY), Duration.ofSeconds(60), Duration.ZERO,
                Clock.fixed(Instant.now().minusSeconds(600), ZoneOffset.UTC));
        assertUnauthenticated(get("/me", past.mint(identity(Role.USER), "probe-service")));
    }

    @Test
    void aTokenForAnotherServiceIs401() throws Exception {
        assertUnauthenticated(get("/me", tokens.mint(identity(Role.USER), "order-service")));
    }

    @Test
    void aClientMadeIdentityHeaderIs401() throws Exception {
        assertUnauthenticated(get("/me", "{\"sub\":\"1\",\"role\":\"ADMIN\"}"));
        assertUnauthenticated(get("/manage", "userId=1; role=ADMIN"));
    }

    @Test
    void aPublicEndpointWorksWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/public/ping", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("pong");
    }

    @Test
    void anAnonymousGatewayTokenIsAnonymousButCarriesTheClientAddress() throws Exception {
        String anonymous = tokens.mintAnonymous("198.51.100.77", Locale.KOREAN, "probe-service");

        assertUnauthenticated(get("/me", anonymous));
        HttpResponse<String> client = get("/public/client", anonymous);
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("198.51.100.77");
    }

    @Test
    void rolesAreRankedAdminOverManagerOverUser() throws Exception {
        assertThat(get("/manage", tokens.mint(identity(Role.ADMIN), "probe-service")).statusCode()).isEqualTo(200);
        assertThat(get("/manage", tokens.mint(identity(Role.MANAGER), "probe-service")).statusCode()).isEqualTo(200);
        HttpResponse<String> seller = get("/manage", tokens.mint(identity(Role.SELLER), "probe-service"));
        assertThat(seller.statusCode()).isEqualTo(403);
        assertThat(seller.body()).contains("\"code\":\"FORBIDDEN\"");
    }

    private void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"", "로그인이 필요합니다.");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header(IdentityToken.HEADER, token);
        }
        return http.send(request.GET().build(), BodyHandlers.ofString());
    }

    private static ShopIdentity identity(Role role) {
        return new ShopIdentity(42, role, "박지훈", Locale.KOREAN, "203.0.113.9", "s-42", Instant.now());
    }
}
