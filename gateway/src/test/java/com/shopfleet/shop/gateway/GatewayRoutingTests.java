package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestIdentities;

class GatewayRoutingTests extends GatewayTestSupport {

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/api/auth/public-key", AUTH),
                Arguments.of("/api/users/me", AUTH),
                Arguments.of("/api/admin/users/7/role", AUTH),
                Arguments.of("/api/products", CATALOG),
                Arguments.of("/api/products/42/reviews", CATALOG),
                Arguments.of("/api/categories/3", CATALOG),
                Arguments.of("/api/wishlist", CATALOG),
                Arguments.of("/api/admin/products/42", CATALOG),
                Arguments.of("/api/admin/categories", CATALOG),
                Arguments.of("/api/admin/catalog/dead-letters", CATALOG),
                Arguments.of("/api/cart/items", ORDER),
                Arguments.of("/api/orders/ORD-7F3K2", ORDER),
                Arguments.of("/api/points", ORDER),
                Arguments.of("/api/admin/orders/9/ship", ORDER),
                Arguments.of("/api/admin/order/dead-letters", ORDER),
                Arguments.of("/api/events/5/entries", EVENT),
                Arguments.of("/api/admin/events", EVENT),
                Arguments.of("/api/admin/notifications/dead-letters", NOTIFICATION));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void eachPathReachesItsServiceWithThePathUnchanged(String path, TestBackend service) throws Exception {
        HttpResponse<String> response = get(path + "?page=0&size=20&q=%EB%AC%B4%EC%84%A0");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode echo = body(response);
        assertThat(echo.get("service").asString()).isEqualTo(service.name());
        assertThat(echo.get("path").asString()).isEqualTo(path);
        assertThat(echo.get("query").asString()).isEqualTo("page=0&size=20&q=%EB%AC%B4%EC%84%A0");
    }

    @Test
    void aClientsIdentityAndAuthorizationNeverReachAService() throws Exception {
        String forged = TestIdentities.token("order-service", 666L, Role.ADMIN);
        HttpResponse<String> response = send(request("/api/orders")
                .header("X-Shop-Identity", forged)
                .header("Authorization", "Bearer forged")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-1")
                .POST(BodyPublishers.ofString("{\"lines\":[{\"productId\":1,\"quantity\":2}]}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        TestBackend.Received received = ORDER.received().getLast();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("X-Shop-Identity")).isNotEqualTo(forged);
        assertThat(VERIFIER.verify(received.header("X-Shop-Identity"), "order-service").userId())
                .as("the gateway's token for the session's user, not the client's").isEqualTo(1L);
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.header("Cookie")).contains("SESSION=" + TestSessions.cookie(adminSession()));
        assertThat(received.header("Idempotency-Key")).isEqualTo("k-1");
        assertThat(received.body()).isEqualTo("{\"lines\":[{\"productId\":1,\"quantity\":2}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/nothing/here", "/api", "/api/admin", "/api/admin/secrets/1", "/api/internal/remember-me",
            "/actuator/gateway/routes", "/v3/api-docs/billing", "/__gateway/unavailable", "/internal/remember-me/exchange" })
    void anUnroutedPathIsA404Envelope(String path) throws Exception {
        assertEnvelope(get(path), 404, "NOT_FOUND");
        BACKENDS.forEach(backend -> assertThat(backend.received()).as(backend.name()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/../../actuator/health", "/api/products/..%2f..%2factuator/health",
            "/api/products/%2e%2e/%2e%2e/actuator/env", "/api/products/%2E%2E/%2E%2E/actuator/env",
            "/api/products/..;/..;/actuator/health", "/api/products/1/..;/../../actuator/health",
            "/api/orders/./../../actuator/prometheus", "/api/products/%252e%252e/%252e%252e/actuator/health",
            "/api//products/../../actuator/health", "/api/products/1%00/../../../actuator" })
    void noPathTrickReachesAServicesActuator(String rawPath) throws Exception {
        RawReply reply = raw("GET", rawPath);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
        BACKENDS.forEach(backend -> {
            assertThat(backend.actuatorHits()).as(backend.name()).isZero();
            assertThat(backend.received()).as(backend.name()).isEmpty();
        });
    }

    @Test
    void aServicesActuatorHasNoRouteEvenUnderItsPrefix() throws Exception {
        HttpResponse<String> response = get("/api/products/actuator/health");

        // routed as a catalog API path, which the service itself does not serve as its actuator
        assertThat(body(response).get("path").asString()).isEqualTo("/api/products/actuator/health");
        assertThat(CATALOG.actuatorHits()).isZero();
    }

    @Test
    void eachServicesOpenApiDocumentIsServedWithoutItsOwnServerUrl() throws Exception {
        for (TestBackend backend : BACKENDS) {
            HttpResponse<String> response = get("/v3/api-docs/" + backend.name());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode document = body(response);
            assertThat(document.at("/info/title").asString()).isEqualTo(backend.name() + "-service");
            assertThat(document.has("servers")).as("servers pointing past the gateway").isFalse();
            assertThat(backend.received().getLast().rawPath()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void swaggerUiAtTheGatewayListsEveryServicesDocument() throws Exception {
        HttpResponse<String> entry = get("/swagger-ui.html");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValue("/swagger-ui/index.html");

        HttpResponse<String> index = get("/swagger-ui/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-initializer.js");

        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(body(config).get("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/v3/api-docs/auth",
                "/v3/api-docs/catalog", "/v3/api-docs/order", "/v3/api-docs/event", "/v3/api-docs/notification");
    }

    @Test
    void theGatewaysOwnApiDocumentIsNotPublished() throws Exception {
        assertEnvelope(get("/v3/api-docs"), 404, "NOT_FOUND");
    }
}
