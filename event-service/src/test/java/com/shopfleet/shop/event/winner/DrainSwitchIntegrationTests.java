package com.shopfleet.shop.event.winner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.event.EventServiceIntegrationTest;
import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * Staff (ADMIN) pause the drain: entries go on, winners wait in Redis — counted as unpersisted,
 * which the operations alert watches — and are stored once it resumes.
 */
class DrainSwitchIntegrationTests extends EventServiceIntegrationTest {

    private static final String DRAIN = "/api/admin/events/drain";

    @Autowired
    WinnerDrain drain;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void drainRuns() {
        drain.start();
    }

    @Test
    void winnersWaitWhileTheDrainIsPausedAndAreStoredOnResume() throws Exception {
        String admin = TestIdentities.token(AUDIENCE, 9_000_002L, Role.ADMIN);
        assertThat(get(DRAIN, admin).body().at("/data/running").asBoolean()).isTrue();

        Reply paused = post(DRAIN + "/pause", admin, null);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.body().at("/data/running").asBoolean()).isFalse();
        long event = openEvent(3);
        for (long user = 7_301; user <= 7_303; user++) {
            assertThat(post("/api/events/" + event + "/entries", user(user), null).status()).isEqualTo(201);
        }

        Thread.sleep(500);
        assertThat(storedWinners(event)).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                meters.get("shop.event.winners.unpersisted").gauge().value()).isGreaterThanOrEqualTo(3));
        assertThat(meters.get("shop.event.remaining").gauge().value()).isGreaterThanOrEqualTo(0);

        Reply resumed = post(DRAIN + "/resume", admin, null);
        assertThat(resumed.body().at("/data/running").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(storedWinners(event)).isEqualTo(3));
    }

    @Test
    void onlyAnAdminFlipsTheSwitch() throws Exception {
        assertThat(post(DRAIN + "/pause", manager(), null).status()).isEqualTo(403);
        assertThat(get(DRAIN, manager()).status()).isEqualTo(403);
        assertThat(post(DRAIN + "/pause", null, null).status()).isEqualTo(401);
        assertThat(drain.isRunning()).isTrue();
    }
}
