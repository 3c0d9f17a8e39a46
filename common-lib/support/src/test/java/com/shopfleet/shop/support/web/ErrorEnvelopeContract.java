package com.shopfleet.shop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every client of the fleet may rely on when it gets something wrong, checked over HTTP
 * against a real server: the servlet and the reactive stack must answer alike.
 */
public abstract class ErrorEnvelopeContract {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    protected abstract int port();

    @Test
    public void malformedJsonIsA400MalformedRequest() throws Exception {
        Reply reply = post("/things", "{\"name\": \"x\", ", "application/json");
        reply.assertError(400, "MALFORMED_REQUEST");
        assertThat(reply.body.get("message").asString()).isEqualTo("요청 형식이 올바르지 않습니다.");
    }

    @Test
    public void invalidFieldsAreNamed() throws Exception {
        Reply reply = post("/things", "{\"name\": \"\", \"quantity\": 0}", "application/json");
        reply.assertError(400, "VALIDATION_FAILED");
        assertThat(reply.body.at("/errorDetails/fields").propertyNames()).contains("name", "quantity");
    }

    @Test
    public void aMistypedPathVariableIsA400NamingIt() throws Exception {
        Reply reply = get("/things/abc");
        reply.assertError(400, "VALIDATION_FAILED");
        assertThat(reply.body.at("/errorDetails/fields/id").isString()).isTrue();
    }

    @Test
    public void aMissingParameterIsA400NamingIt() throws Exception {
        get("/search").assertError(400, "VALIDATION_FAILED");
    }

    @Test
    public void anUnknownPathIsA404() throws Exception {
        get("/no/such/path").assertError(404, "NOT_FOUND");
    }

    @Test
    public void aWrongMethodIsA405() throws Exception {
        Reply reply = send(request("/things/1").DELETE().build());
        reply.assertError(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    public void anUnsupportedContentTypeIsA415() throws Exception {
        post("/things", "name=x", "text/plain").assertError(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    public void anUnacceptableAcceptIsA406StillInJson() throws Exception {
        Reply reply = send(request("/things/1").header("Accept", "application/xml").GET().build());
        reply.assertError(406, "NOT_ACCEPTABLE");
    }

    @Test
    public void aDomainRefusalKeepsItsCodeAndLocalizedFields() throws Exception {
        Reply reply = get("/out-of-stock");
        reply.assertError(422, "OUT_OF_STOCK");
        assertThat(reply.body.get("message").asString()).isEqualTo("재고가 부족합니다.");
        assertThat(reply.body.at("/errorDetails/fields/quantity").asString()).isEqualTo("올바르지 않은 값입니다.");
    }

    @Test
    public void englishIsServedWhenAsked() throws Exception {
        Reply reply = send(request("/out-of-stock").header("Accept-Language", "en-US,en;q=0.9").GET().build());
        assertThat(reply.body.get("message").asString()).isEqualTo("Not enough stock.");
    }

    @Test
    public void anUnsupportedLanguageGetsKorean() throws Exception {
        Reply reply = send(request("/out-of-stock").header("Accept-Language", "fr-FR").GET().build());
        assertThat(reply.body.get("message").asString()).isEqualTo("재고가 부족합니다.");
    }

    @Test
    public void rateLimitsCarryRetryAfter() throws Exception {
        Reply reply = get("/limited");
        reply.assertError(429, "RATE_LIMITED");
        assertThat(reply.response.headers().firstValue("Retry-After")).hasValue("42");
    }

    @Test
    public void uniqueKeyAndOptimisticLockConflictsAre409() throws Exception {
        get("/duplicate").assertError(409, "CONFLICT");
        get("/stale").assertError(409, "CONFLICT");
    }

    @Test
    public void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        Reply reply = get("/boom");
        reply.assertError(500, "INTERNAL_ERROR");
        assertThat(reply.response.body()).doesNotContain("hunter2", "IllegalStateException", "at com.");
    }

    @Test
    public void theTraceIdComesFromTraceparent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply reply = send(request("/no/such/path")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET().build());
        assertThat(reply.body.at("/errorDetails/traceId").asString()).isEqualTo(traceId);
        assertThat(reply.response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
    }

    @Test
    public void aValidRequestIsEnvelopedToo() throws Exception {
        Reply reply = post("/things", "{\"name\": \"무선 이어폰\", \"quantity\": 2}", "application/json");
        assertThat(reply.response.statusCode()).isEqualTo(200);
        assertThat(reply.body.get("success").asBoolean()).isTrue();
        assertThat(reply.body.at("/data/name").asString()).isEqualTo("무선 이어폰");
    }

    protected Reply get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    protected Reply post(String path, String body, String contentType) throws Exception {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)).build());
    }

    /** A request to {@code path} carrying {@link #defaultHeaders()}. */
    protected HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        defaultHeaders().forEach(builder::header);
        return builder;
    }

    /** Headers every request carries, e.g. a valid identity token for a service that requires one. */
    protected Map<String, String> defaultHeaders() {
        return Map.of();
    }

    protected Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        return new Reply(response, json.readTree(response.body()));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    protected record Reply(HttpResponse<String> response, JsonNode body) {

        void assertError(int status, String code) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("data").isNull()).isTrue();
            assertThat(body.at("/errorDetails/code").asString()).isEqualTo(code);
            assertThat(body.at("/errorDetails/traceId").asString()).matches("[0-9a-f]{32}");
            assertThat(body.get("message").asString()).isNotBlank();
            assertThat(body.get("timestamp").asString()).endsWith("Z");
        }
    }
}
