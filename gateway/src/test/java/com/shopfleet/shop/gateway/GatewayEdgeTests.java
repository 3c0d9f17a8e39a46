package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class GatewayEdgeTests extends GatewayTestSupport {

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredByTheGateway() throws Exception {
        HttpResponse<String> response = send(request("/api/orders")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-xsrf-token,idempotency-key,accept-language")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("content-type", "x-xsrf-token", "idempotency-key", "accept-language");
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> response = send(request("/api/orders")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());

        assertEnvelope(response, 403, "FORBIDDEN");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void aCrossOriginCallFromAnAllowedOriginMayReadTheFleetsHeaders() throws Exception {
        HttpResponse<String> response = send(request("/api/products/1").header("Origin", ALLOWED_ORIGIN).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Trace-Id",
                "Retry-After", "X-RateLimit-Remaining");
    }

    @Test
    void aCrossOriginCallFromAnotherOriginNeverReachesAService() throws Exception {
        HttpResponse<String> response = send(request("/api/orders").header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertEnvelope(response, 403, "FORBIDDEN");
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void aSameOriginCallIsNotACorsMatter() throws Exception {
        HttpResponse<String> response = send(request("/api/cart").header("Origin", "http://127.0.0.1:" + port)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aRoutedResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/api/products/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertApiSecurityHeaders(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS is for prod only").isEmpty();
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(32));
    }

    @Test
    void errorsAndRefusalsCarryTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> notFound = get("/api/nothing");
        assertEnvelope(notFound, 404, "NOT_FOUND");
        assertApiSecurityHeaders(notFound);
        assertThat(notFound.headers().firstValue("Cache-Control")).hasValue("no-store");

        ORDER.stop();
        HttpResponse<String> unavailable = get("/api/orders/1");
        assertEnvelope(unavailable, 503, "SERVICE_UNAVAILABLE");
        assertApiSecurityHeaders(unavailable);

        HttpResponse<String> refused = send(request("/api/orders").header("Origin", "https://evil.example").GET().build());
        assertApiSecurityHeaders(refused);
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItRun() throws Exception {
        HttpResponse<String> index = get("/swagger-ui/index.html");

        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(index.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aBodyLargerThanTheFleetsLimitIsRefusedBeforeRouting() throws Exception {
        HttpResponse<String> response = send(request("/api/orders").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}")).build());

        assertEnvelope(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsRefusedToo() throws Exception {
        byte[] large = ("{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/api/orders").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build());

        assertEnvelope(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(ORDER.received()).isEmpty();
    }

    private static void assertApiSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'none'").contains("frame-ancestors 'none'"));
    }
}
