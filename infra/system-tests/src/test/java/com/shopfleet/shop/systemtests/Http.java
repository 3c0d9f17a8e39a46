package com.shopfleet.shop.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the gateway as a storefront would be: JSON in, the envelope out. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + path)).GET().build());
    }

    Reply send(HttpRequest request) {
        return send(client, request);
    }

    static Reply send(HttpClient client, HttpRequest request) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = json && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
            return new Reply(response, body, took);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Reply(HttpResponse<String> response, JsonNode body, Duration took) {

        int status() {
            return response.statusCode();
        }

        String code() {
            return body == null ? null : body.at("/errorDetails/code").asString(null);
        }
    }
}
