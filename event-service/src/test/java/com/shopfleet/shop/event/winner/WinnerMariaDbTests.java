package com.shopfleet.shop.event.winner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.event.admission.PersistedWinners;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.EventTerms;
import com.shopfleet.shop.event.fcfs.FcfsEvents;
import com.shopfleet.shop.testsupport.MariaDb;
import com.shopfleet.shop.testsupport.MariaDbTest;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The winner table's SQL on the real MariaDB: a batch with its outbox events in one transaction, a
 * replayed batch stores nothing twice, paging and streaming read back in rank order, UTC times.
 */
@MariaDbTest
@SpringBootTest(properties = { "spring.data.redis.database=4", "shop.event.drain.enabled=false" })
class WinnerMariaDbTests {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        String url = MariaDb.freshDatabase("shop_event_winners");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", MariaDb::user);
        registry.add("spring.datasource.password", MariaDb::password);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:1");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "500");
        TestRedis.register(registry);
    }

    @Autowired
    FcfsEvents events;

    @Autowired
    WinnerBatchWriter writer;

    @Autowired
    WinnerQueries queries;

    @Autowired
    PersistedWinners persisted;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayedBatchStoresNoWinnerAndNoPrizeTwice() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventSnapshot event = events.create(new EventTerms("마리아DB 이벤트", "", 7_000, 50, now.minusSeconds(1),
                now.plus(Duration.ofHours(1))));
        List<StreamWinner> batch = new ArrayList<>();
        for (int rank = 1; rank <= 30; rank++) {
            batch.add(new StreamWinner(now.toEpochMilli() + "-" + rank, 70_000 + rank, rank, now.plusMillis(rank)));
        }
        long publicationsBefore = publications();

        List<StreamWinner> first = writer.store(event.id(), batch);
        List<StreamWinner> replay = writer.store(event.id(), batch.subList(10, 30));

        assertThat(first).hasSize(30);
        assertThat(replay).isEmpty();
        assertThat(queries.count(event.id())).isEqualTo(30);
        assertThat(publications() - publicationsBefore).as("one PrizeWon per winner").isEqualTo(30);

        List<Winner> page = queries.page(event.id(), 1, 10);
        assertThat(page).extracting(Winner::rank).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(page.getFirst().wonAt()).isEqualTo(now.plusMillis(11));
        List<Integer> streamed = new ArrayList<>();
        persisted.forEach(event.id(), winner -> streamed.add(winner.rank()));
        assertThat(streamed).hasSize(30).isSorted();
        assertThat(persisted.rankOf(event.id(), 70_005)).hasValue(5);
    }

    private long publications() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION", Long.class);
    }
}
