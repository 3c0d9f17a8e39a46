package com.shopfleet.shop.event.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.prize.PrizeWon;

import com.shopfleet.shop.event.EventServiceIntegrationTest;

/**
 * The acceptance case: 2,000 concurrent entries from 1,000 distinct users (each user at
 * least once, half of them twice) for 100 prizes, over HTTP with identity tokens, from 200 threads
 * released at once. Exactly 100 win, nobody twice, and exactly 100 rows and 100 PrizeWon events
 * follow.
 */
class StampedeIntegrationTests extends EventServiceIntegrationTest {

    private static final int PRIZES = 100;
    private static final int USERS = 1_000;
    private static final int ENTRIES = 2_000;
    private static final int THREADS = 200;

    @Test
    void twoThousandConcurrentEntriesForAHundredPrizesMakeExactlyAHundredWinners() throws Exception {
        long event = openEvent(PRIZES);
        List<Long> entrants = new ArrayList<>(LongStream.rangeClosed(1, USERS).map(u -> 100_000 + u).boxed().toList());
        Random random = new Random(8);
        while (entrants.size() < ENTRIES) {
            entrants.add(100_000L + 1 + random.nextInt(USERS));
        }
        Collections.shuffle(entrants, random);
        Map<Long, String> tokens = new ConcurrentHashMap<>();
        entrants.forEach(userId -> tokens.computeIfAbsent(userId, EventServiceIntegrationTest::user));

        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(entrants);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(threads.submit(() -> {
                    start.await();
                    for (Long userId = queue.poll(); userId != null; userId = queue.poll()) {
                        HttpResponse<String> response = http.send(request("/api/events/" + event + "/entries",
                                tokens.get(userId)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        outcomes.add(new Outcome(userId, response.statusCode(), json.readTree(response.body())));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(2, TimeUnit.MINUTES);
            }
        }

        assertThat(outcomes).hasSize(ENTRIES);
        Map<Integer, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
        assertThat(byStatus.keySet()).containsOnly(201, 409, 410);
        List<Outcome> won = outcomes.stream().filter(o -> o.status() == 201).toList();
        assertThat(won).hasSize(PRIZES);
        Set<Long> winners = won.stream().map(Outcome::userId).collect(Collectors.toSet());
        assertThat(winners).as("nobody wins twice").hasSize(PRIZES);
        assertThat(won.stream().map(o -> o.body().at("/data/rank").asInt()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, PRIZES).mapToObj(r -> (int) r).toList());
        outcomes.stream().filter(o -> o.status() == 409).forEach(o -> {
            assertThat(o.body().at("/errorDetails/code").asString()).isEqualTo("ALREADY_ENTERED");
            assertThat(winners).as("only winners are told they entered already").contains(o.userId());
        });
        outcomes.stream().filter(o -> o.status() == 410)
                .forEach(o -> assertThat(o.body().at("/errorDetails/code").asString()).isEqualTo("SOLD_OUT"));

        await().atMost(Duration.ofSeconds(20)).until(() -> storedWinners(event) == PRIZES);
        assertThat(jdbc.queryForList("SELECT user_id FROM event_winner WHERE event_id = ?", Long.class, event))
                .containsExactlyInAnyOrderElementsOf(winners);

        // delivery is at-least-once (a publication may be re-sent, with its envelope id): distinct ids count
        List<JsonNode> prizes = prizeWonOnKafka(event, PRIZES, Duration.ofSeconds(30));
        assertThat(prizes.stream().map(p -> p.get("eventId").asString()).distinct()).hasSize(PRIZES);
        assertThat(prizes.stream().map(p -> p.get("aggregateId").asString()).distinct()).hasSize(PRIZES);
        assertThat(prizes.stream().map(p -> p.at("/payload/userId").asLong()).collect(Collectors.toSet()))
                .isEqualTo(winners);
        assertThat(prizes).allSatisfy(p -> assertThat(p.at("/payload/prizePoints").asLong()).isEqualTo(10_000));
        // the contract's golden PrizeWon: the same envelope and payload fields, readable by the consumer's class
        JsonNode golden = json.readTree(GoldenFiles.eventJson(PrizeWon.TYPE));
        JsonNode sent = prizes.getFirst();
        assertThat(sent.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
        assertThat(sent.get("payload").propertyNames())
                .containsExactlyInAnyOrderElementsOf(golden.get("payload").propertyNames());
        EventEnvelope<PrizeWon> read = json.readValue(sent.toString(),
                json.getTypeFactory().constructParametricType(EventEnvelope.class, PrizeWon.class));
        assertThat(read.payload().rank()).isBetween(1, PRIZES);
        assertThat(read.aggregateId()).isEqualTo(event + ":" + read.payload().userId());

        Reply reconciliation = get("/api/admin/events/" + event + "/reconciliation", manager());
        assertThat(reconciliation.body().at("/data/remaining").asLong()).isZero();
        assertThat(reconciliation.body().at("/data/stored").asLong()).isEqualTo(PRIZES);
        assertThat(reconciliation.body().at("/data/unpersisted").asLong()).isZero();
        assertThat(reconciliation.body().at("/data/reconciled").asBoolean()).isTrue();
        Reply detail = get("/api/events/" + event, null);
        assertThat(detail.body().at("/data/status").asString()).isEqualTo("SOLD_OUT");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).text())
                .contains("shop_event_winners_unpersisted{application=\"event-service\"} 0.0")
                .contains("shop_event_entries_total{application=\"event-service\",result=\"WON\"}"));
    }

    private record Outcome(long userId, int status, JsonNode body) {
    }
}
