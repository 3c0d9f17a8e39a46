package com.shopfleet.shop.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * The points order-service credited for one FCFS event: each winner's {@code GET /api/points}
 * history, counting its {@code PRIZE} entries that carry the event's title (order-service writes the
 * event title as the entry's description). Polled until every winner has one or the time is up.
 */
final class PointsCheck {

    private final URI orderService;
    private final IdentityTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    PointsCheck(URI orderService, String signingKey) {
        this.orderService = orderService;
        this.tokens = new IdentityTokens(IdentityTokens.decodeKey(signingKey), Duration.ofMinutes(5), Duration.ZERO,
                Clock.systemUTC());
    }

    /** @return {entries credited, users credited at least once, points credited} */
    long[] credited(Set<Long> winners, String title, long expectedEntries, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long[] totals;
        do {
            totals = countOnce(winners, title);
            if (totals[0] >= expectedEntries) {
                break;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        return totals;
    }

    private long[] countOnce(Set<Long> winners, String title) throws Exception {
        Semaphore inFlight = new Semaphore(32);
        List<Future<long[]>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long userId : winners) {
                results.add(threads.submit(() -> {
                    inFlight.acquire();
                    try {
                        return forUser(userId, title);
                    }
                    finally {
                        inFlight.release();
                    }
                }));
            }
        }
        long entries = 0;
        long users = 0;
        long points = 0;
        for (Future<long[]> result : results) {
            long[] one = result.get();
            entries += one[0];
            users += one[0] > 0 ? 1 : 0;
            points += one[1];
        }
        return new long[] { entries, users, points };
    }

    private long[] forUser(long userId, String title) throws Exception {
        String token = tokens.mint(new ShopIdentity(userId, Role.USER, "loadtest-" + userId, Locale.KOREAN, "127.0.0.1",
                "loadtest-" + userId, Instant.now()), "order-service");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(orderService.resolve("/api/points?size=100"))
                .header(IdentityToken.HEADER, token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("order-service /api/points: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        long entries = 0;
        long points = 0;
        for (JsonNode entry : json.readTree(response.body()).at("/data/history/content")) {
            if ("PRIZE".equals(entry.get("type").asString()) && title.equals(entry.get("description").asString())) {
                entries++;
                points += entry.get("amount").asLong();
            }
        }
        return new long[] { entries, points };
    }
}
