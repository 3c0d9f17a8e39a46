package com.shopfleet.shop.event.winner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.event.EventServiceIntegrationTest;
import com.shopfleet.shop.event.admission.AdmissionKeys;
import com.shopfleet.shop.event.admission.EventLoader;
import com.shopfleet.shop.event.fcfs.FcfsEvents;

/**
 * Workers that stop, die or repeat themselves never lose a winner and never store one twice: the
 * stream entries of a dead worker are taken over by another, a batch committed but not
 * acknowledged is replayed as a no-op, and the worker stopped in the middle of a drain picks up
 * where it stopped. A Redis that lost winners gets them back from the database.
 */
class DrainRecoveryIntegrationTests extends EventServiceIntegrationTest {

    private static final int PRIZES = 100;

    @Autowired
    WinnerDrain drain;

    @Autowired
    WinnerBatchWriter writer;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EventLoader loader;

    @Autowired
    FcfsEvents events;

    @AfterEach
    void drainRuns() {
        drain.start();
    }

    @Test
    void theWorkerStoppedMidDrainAndStartedAgainStoresEveryWinnerOnce() throws Exception {
        long event = openEvent(PRIZES);
        drain.stop();
        enterUntilSoldOut(event, 200_000);

        // a small-batch worker gets part of the way, then the application's worker is stopped mid-drain
        WinnerDrain slow = worker("slow-worker", 10);
        slow.drain(event); // its own pending entries: none
        slow.drain(event);
        slow.drain(event);
        assertThat(storedWinners(event)).isEqualTo(20);

        drain.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> storedWinners(event) > 20);
        drain.stop();
        long storedWhenStopped = storedWinners(event);
        Thread.sleep(300);
        assertThat(storedWinners(event)).as("nothing is stored while the worker is stopped").isEqualTo(storedWhenStopped);

        drain.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> storedWinners(event) == PRIZES);
        assertExactlyOnce(event);
    }

    @Test
    void theEntriesOfAWorkerThatDiedBeforeCommittingAreTakenOverByAnother() throws Exception {
        long event = openEvent(PRIZES);
        drain.stop();
        enterUntilSoldOut(event, 300_000);
        // a worker read 30 entries and died before storing them: they stay pending under its name
        List<MapRecord<String, Object, Object>> abandoned = readAs("dead-worker", event, 30);
        assertThat(abandoned).hasSize(30);

        WinnerDrain survivor = worker("survivor", 500);
        drainUntilIdle(survivor, event);
        assertThat(storedWinners(event)).as("the new entries").isEqualTo(PRIZES - 30);
        Thread.sleep(1_100); // shop.event.drain.claim-min-idle = 1s in these tests
        assertThat(survivor.claimAbandoned(event)).isEqualTo(30);
        drainUntilIdle(survivor, event);

        assertThat(storedWinners(event)).isEqualTo(PRIZES);
        assertExactlyOnce(event);
    }

    @Test
    void aBatchCommittedButNotAcknowledgedIsReplayedAsANoOp() throws Exception {
        long event = openEvent(PRIZES);
        drain.stop();
        enterUntilSoldOut(event, 400_000);
        // a worker stored 40 winners (committed) and died before XACK
        List<MapRecord<String, Object, Object>> read = readAs("crashed-after-commit", event, 40);
        writer.store(event, read.stream().map(r -> StreamWinner.of(r.getId().getValue(), r.getValue())).toList());
        assertThat(storedWinners(event)).isEqualTo(40);

        drain.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> storedWinners(event) == PRIZES
                && pending(event) == 0);

        assertExactlyOnce(event);
    }

    @Test
    void winnersRedisLostArePutBackFromTheDatabaseSoNoPrizeIsGrantedTwice() throws Exception {
        long event = openEvent(5);
        for (long user = 500_001; user <= 500_005; user++) {
            assertThat(post("/api/events/" + event + "/entries", user(user), null).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> storedWinners(event) == 5);
        // Redis crashes and comes back without the last writes: the winners and the decrements are gone
        redis.delete(List.of(AdmissionKeys.entrants(event), AdmissionKeys.remaining(event), AdmissionKeys.meta(event)));

        loader.load(events.get(event));

        assertThat(post("/api/events/" + event + "/entries", user(500_001), null).code()).isEqualTo("ALREADY_ENTERED");
        assertThat(post("/api/events/" + event + "/entries", user(500_006), null).code()).isEqualTo("SOLD_OUT");
        assertThat(redis.opsForValue().get(AdmissionKeys.remaining(event))).isEqualTo("0");
    }

    private void enterUntilSoldOut(long event, long firstUser) throws Exception {
        for (long user = firstUser; user < firstUser + PRIZES; user++) {
            Reply reply = post("/api/events/" + event + "/entries", user(user), null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        }
        Reply soldOut = post("/api/events/" + event + "/entries", user(firstUser + PRIZES), null);
        assertThat(soldOut.code()).as(soldOut.status() + " " + soldOut.text()).isEqualTo("SOLD_OUT");
        assertThat(storedWinners(event)).as("the worker is stopped").isZero();
    }

    private void assertExactlyOnce(long event) {
        assertThat(storedWinners(event)).isEqualTo(PRIZES);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT prize_rank) FROM event_winner WHERE event_id = ?",
                Long.class, event)).isEqualTo(PRIZES);
        // one PrizeWon per winner: distinct envelope ids (delivery itself is at-least-once) and keys
        List<JsonNode> prizes = prizeWonOnKafka(event, PRIZES, Duration.ofSeconds(30));
        assertThat(prizes.stream().map(p -> p.get("eventId").asString()).distinct()).hasSize(PRIZES);
        Set<String> keys = prizes.stream().map(p -> p.get("aggregateId").asString()).collect(Collectors.toSet());
        assertThat(keys).hasSize(PRIZES);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(event) == 0);
    }

    private static void drainUntilIdle(WinnerDrain worker, long event) {
        for (int pass = 0; pass < 100 && worker.drain(event); pass++) {
            // a full batch, or its own pending entries were just found done: go on
        }
    }

    private long pending(long event) {
        var summary = redis.opsForStream().pending(AdmissionKeys.stream(event), AdmissionKeys.GROUP);
        return summary == null ? 0 : summary.getTotalPendingMessages();
    }

    private List<MapRecord<String, Object, Object>> readAs(String consumer, long event, int count) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(AdmissionKeys.GROUP, consumer), StreamReadOptions.empty().count(count),
                StreamOffset.create(AdmissionKeys.stream(event), ReadOffset.lastConsumed()));
        return records == null ? List.of() : new ArrayList<>(records);
    }

    private WinnerDrain worker(String name, int batchSize) {
        return new WinnerDrain(redis, writer,
                new DrainProperties(true, batchSize, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(300),
                        name),
                Clock.systemUTC());
    }
}
