package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.ShopIdentity;
import com.shopfleet.shop.testsupport.TestIdentities;

/** A client of the running service, as the gateway calls it (identity token for catalog-service). */
final class Http {

    static final String AUDIENCE = "catalog-service";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    static String token(long userId, Role role) {
        return TestIdentities.token(AUDIENCE, userId, role);
    }

    static String token(ShopIdentity identity) {
        return TestIdentities.token(AUDIENCE, identity);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    Reply post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    Reply put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    Reply send(String method, String path, Object body, String token) {
        return send(method, path, body, token, Map.of());
    }

    Reply send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach(request::setHeader);
        if (token != null) {
            request.header(IdentityToken.HEADER, token);
        }
        if (body != null) {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(false);
            JsonNode node = !json || response.body() == null || response.body().isBlank() ? null
                    : JSON.readTree(response.body());
            return new Reply(response.statusCode(), node, response.body());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Reply(int status, JsonNode body, String text) {

        JsonNode data() {
            return body.get("data");
        }

        Reply expect(int expected) {
            assertThat(status).as("status of %s", text).isEqualTo(expected);
            return this;
        }

        Reply expectError(int expected, String code) {
            expect(expected);
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.at("/errorDetails/code").asString()).as(text).isEqualTo(code);
            return this;
        }

        String field(String name) {
            JsonNode field = body.at("/errorDetails/fields/" + name);
            return field.isMissingNode() ? null : field.asString();
        }
    }
}
