package com.shopfleet.shop.event.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.shopfleet.shop.event.EventServiceIntegrationTest;
import com.shopfleet.shop.event.fcfs.FcfsEvents;

/**
 * The loader keeps Redis in line with the database: it releases an event's keys only when the stored
 * event ended more than the retention ago and every winner is stored, never a live one (also one
 * created while a pass ran), and an older version never overwrites a newer one.
 */
class EventLoaderIntegrationTests extends EventServiceIntegrationTest {

    @Autowired
    EventLoader loader;

    @Autowired
    FcfsEvents events;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aLiveEventKeepsItsKeysWhateverThePassSaw() throws Exception {
        long event = openEvent(5);
        post("/api/events/" + event + "/entries", user(41_001), null);

        loader.syncAll();
        loader.syncAll();

        assertThat(redis.hasKey(AdmissionKeys.meta(event))).isTrue();
        assertThat(redis.opsForValue().get(AdmissionKeys.remaining(event))).isEqualTo("4");
        assertThat(redis.opsForSet().isMember(AdmissionKeys.ACTIVE, Long.toString(event))).isTrue();
    }

    @Test
    void anEventEndedLongAgoIsReleasedOnceEveryWinnerIsStored() {
        long stored = insertEndedEvent(Duration.ofDays(8));
        long unstored = insertEndedEvent(Duration.ofDays(8));
        long recent = insertEndedEvent(Duration.ofDays(1));
        for (long event : new long[] { stored, unstored, recent }) {
            loader.load(events.get(event));
        }
        // the unstored one: Redis admitted a winner the database does not have yet
        redis.opsForValue().decrement(AdmissionKeys.remaining(unstored));

        loader.syncAll();

        assertThat(redis.hasKey(AdmissionKeys.meta(stored))).isFalse();
        assertThat(redis.opsForSet().isMember(AdmissionKeys.ACTIVE, Long.toString(stored))).isFalse();
        assertThat(redis.hasKey(AdmissionKeys.meta(unstored))).isTrue();
        assertThat(redis.hasKey(AdmissionKeys.meta(recent))).isTrue();
    }

    @Test
    void anOlderVersionNeverReopensAClosedEvent() throws Exception {
        long event = openEvent(5);
        var before = events.get(event);
        post("/api/admin/events/" + event + "/close", manager(), null);

        loader.load(before);

        assertThat(redis.opsForHash().get(AdmissionKeys.meta(event), "closed")).isEqualTo("1");
        assertThat(post("/api/events/" + event + "/entries", user(41_002), null).code()).isEqualTo("EVENT_CLOSED");
    }

    private long insertEndedEvent(Duration ago) {
        Instant closes = Instant.now().minus(ago).truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime opens = LocalDateTime.ofInstant(closes.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO fcfs_event (title, description, prize_points, quantity, opens_at, closes_at, closed_at,
                                        created_at, updated_at, version)
                VALUES ('지난 이벤트', '', 100, 3, ?, ?, NULL, ?, ?, 0)""", opens,
                LocalDateTime.ofInstant(closes, ZoneOffset.UTC), opens, opens);
        return jdbc.queryForObject("SELECT MAX(id) FROM fcfs_event", Long.class);
    }
}
