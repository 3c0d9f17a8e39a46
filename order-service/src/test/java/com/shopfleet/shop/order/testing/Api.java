package com.shopfleet.shop.order.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestIdentities;

/** Real HTTP against the running service, as the gateway calls it (identity token per request). */
public final class Api {

    private static final String AUDIENCE = "order-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public As as(long userId) {
        return new As(userId, Role.USER);
    }

    public As staff(long userId) {
        return new As(userId, Role.MANAGER);
    }

    public final class As {

        private final long userId;
        private final Role role;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private As(long userId, Role role) {
            this.userId = userId;
            this.role = role;
        }

        public As header(String name, String value) {
            As copy = new As(userId, role);
            copy.headers.putAll(headers);
            copy.headers.put(name, value);
            return copy;
        }

        public Reply get(String path) {
            return send(request(path).GET());
        }

        public Reply post(String path, String body) {
            return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
        }

        public Reply post(String path) {
            return send(request(path).POST(BodyPublishers.noBody()));
        }

        public Reply put(String path, String body) {
            return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
        }

        public Reply delete(String path) {
            return send(request(path).DELETE());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header(IdentityToken.HEADER, TestIdentities.token(AUDIENCE, userId, role));
            headers.forEach(builder::header);
            return builder;
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : json.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public record Reply(int status, JsonNode body, HttpResponse<String> response) {

        public JsonNode data() {
            return body.get("data");
        }

        public String code() {
            return body.at("/errorDetails/code").asString();
        }

        public Reply assertOk(int expected) {
            assertThat(status).as(response.body()).isEqualTo(expected);
            assertThat(body.get("success").asBoolean()).isTrue();
            return this;
        }

        public Reply assertError(int expected, String code) {
            assertThat(status).as(response.body()).isEqualTo(expected);
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(code()).as(response.body()).isEqualTo(code);
            assertThat(body.get("message").asString()).isNotBlank();
            return this;
        }

        public String field(String name) {
            JsonNode field = body.at("/errorDetails/fields").get(name);
            return field == null ? null : field.asString();
        }
    }
}
