package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * The event service's staff API, called directly with identity tokens minted like the gateway's
 * (the shared signing key): creating the events of a run and reading back its winners.
 */
final class EventServiceApi {

    static final String AUDIENCE = "event-service";

    private final URI base;
    private final IdentityTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    EventServiceApi(URI base, String signingKey) {
        this.base = base;
        // long-lived tokens: minted before the measured window, valid through it
        this.tokens = new IdentityTokens(IdentityTokens.decodeKey(signingKey), Duration.ofMinutes(30), Duration.ZERO,
                Clock.systemUTC());
    }

    /** An identity token for a user, as the gateway would mint it for this service. */
    String userToken(long userId) {
        return tokens.mint(new ShopIdentity(userId, Role.USER, "loadtest-" + userId, Locale.KOREAN, "127.0.0.1",
                "loadtest-" + userId, Instant.now()), AUDIENCE);
    }

    private String managerToken() {
        return tokens.mint(new ShopIdentity(1, Role.MANAGER, "loadtest-staff", Locale.KOREAN, "127.0.0.1",
                "loadtest-staff", Instant.now()), AUDIENCE);
    }

    long createEvent(String title, long prizePoints, int quantity, Instant opensAt, Instant closesAt)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "load test");
        body.put("prizePoints", prizePoints);
        body.put("quantity", quantity);
        body.put("opensAt", opensAt.toString());
        body.put("closesAt", closesAt.toString());
        JsonNode reply = call(HttpRequest.newBuilder(base.resolve("/api/admin/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 201);
        return reply.at("/data/id").asLong();
    }

    void close(long eventId) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(base.resolve("/api/admin/events/" + eventId + "/close"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** The reconciliation once the drain is done (or the last one seen after {@code within}). */
    JsonNode reconciliationWhenDrained(long eventId, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode report = call(HttpRequest.newBuilder(base.resolve("/api/admin/events/" + eventId + "/reconciliation"))
                    .GET(), 200).get("data");
            if ((report.get("unpersisted").asLong() == 0 && report.get("pending").asLong() == 0)
                    || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(200);
        }
    }

    /** The stored winners from the CSV export: rows and distinct users. */
    WinnerRows winners(long eventId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/admin/events/" + eventId + "/winners"))
                        .header(IdentityToken.HEADER, managerToken()).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("winners CSV: HTTP " + response.statusCode() + " " + response.body());
        }
        Set<Long> users = new HashSet<>();
        long rows = response.body().lines().skip(1).filter(line -> !line.isBlank())
                .peek(line -> users.add(Long.parseLong(line.split(",")[1]))).count();
        return new WinnerRows(rows, users);
    }

    private JsonNode call(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header(IdentityToken.HEADER, managerToken())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(request.build().uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    record WinnerRows(long rows, Set<Long> users) {
    }
}
