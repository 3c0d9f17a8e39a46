package com.shopfleet.shop.event.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.event.EventServiceIntegrationTest;
import com.shopfleet.shop.testsupport.TestIdentities;

/** One user's entries, over HTTP: every answer of the admission script and the window's edges. */
class EntryIntegrationTests extends EventServiceIntegrationTest {

    @Test
    void theFirstEntriesWinInOrderThenTheEventIsSoldOut() throws Exception {
        long event = openEvent(2);

        Reply first = post(entries(event), user(501), null);
        Reply second = post(entries(event), user(502), null);
        Reply third = post(entries(event), user(503), null);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().at("/data/result").asString()).isEqualTo("WON");
        assertThat(first.body().at("/data/rank").asInt()).isEqualTo(1);
        assertThat(second.body().at("/data/rank").asInt()).isEqualTo(2);
        assertThat(third.status()).isEqualTo(410);
        assertThat(third.code()).isEqualTo("SOLD_OUT");
        assertThat(third.body().get("message").asString()).isEqualTo("선착순 수량이 모두 소진되었습니다.");
    }

    @Test
    void aSecondEntryIsRefusedWithTheRankWonAlsoAfterSellOut() throws Exception {
        long event = openEvent(1);
        assertThat(post(entries(event), user(601), null).status()).isEqualTo(201);

        Reply again = post(entries(event), user(601), null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_ENTERED");
        assertThat(again.body().at("/data/rank").asInt()).isEqualTo(1);
        assertThat(post(entries(event), user(602), null).code()).isEqualTo("SOLD_OUT");
        assertThat(post(entries(event), user(602), null).code()).isEqualTo("SOLD_OUT");
    }

    @Test
    void myResultSaysWhetherIWon() throws Exception {
        long event = openEvent(1);
        post(entries(event), user(701), null);
        post(entries(event), user(702), null);

        Reply mine = get(entries(event) + "/me", user(701));
        Reply theirs = get(entries(event) + "/me", user(702));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().at("/data/result").asString()).isEqualTo("WON");
        assertThat(mine.body().at("/data/rank").asInt()).isEqualTo(1);
        assertThat(theirs.body().at("/data/result").asString()).isEqualTo("NO_PRIZE");
        assertThat(theirs.body().at("/data/rank").isNull()).isTrue();
    }

    @Test
    void anEntryBeforeTheEventOpensIsRefused() throws Exception {
        Instant now = Instant.now();
        long loadedSoon = createEvent(10, now.plusSeconds(120), now.plusSeconds(3600));
        long notLoadedYet = createEvent(10, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));

        for (long event : new long[] { loadedSoon, notLoadedYet }) {
            Reply reply = post(entries(event), user(801), null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("EVENT_NOT_OPEN");
        }
    }

    @Test
    void anEntryAfterTheClosingTimeIsRefused() throws Exception {
        Instant now = Instant.now();
        long event = createEvent(10, now.minusSeconds(1), now.plusMillis(1500));
        assertThat(post(entries(event), user(901), null).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Reply reply = post(entries(event), user(902), null);
            assertThat(reply.status()).isEqualTo(410);
            assertThat(reply.code()).isEqualTo("EVENT_CLOSED");
        });
        assertThat(get("/api/events/" + event, null).body().at("/data/status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anEntryAfterStaffClosedTheEventIsRefused() throws Exception {
        long event = openEvent(10);
        assertThat(post("/api/admin/events/" + event + "/close", manager(), null).status()).isEqualTo(200);

        Reply reply = post(entries(event), user(1001), null);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.code()).isEqualTo("EVENT_CLOSED");
    }

    @Test
    void anonymousEntriesAndForgedTokensAreA401() throws Exception {
        long event = openEvent(10);

        Reply anonymous = post(entries(event), null, null);
        Reply forged = post(entries(event), TestIdentities.forgedToken(AUDIENCE, 1101, Role.USER), null);
        Reply expired = post(entries(event), TestIdentities.expiredToken(AUDIENCE, 1101, Role.USER), null);
        Reply otherService = post(entries(event), TestIdentities.token("order-service", 1101, Role.USER), null);

        for (Reply reply : new Reply[] { anonymous, forged, expired, otherService }) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(get(entries(event) + "/me", null).status()).isEqualTo(401);
        assertThat(storedWinners(event)).isZero();
    }

    @Test
    void anUnknownEventIsA404AndABadIdA400() throws Exception {
        assertThat(post(entries(987_654_321L), user(1201), null).code()).isEqualTo("NOT_FOUND");
        assertThat(get(entries(987_654_321L) + "/me", user(1201)).code()).isEqualTo("NOT_FOUND");
        assertThat(post("/api/events/abc/entries", user(1201), null).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anOpenEventRedisDoesNotKnowIsLoadedOnTheFirstEntry() throws Exception {
        long event = openEvent(3);
        redisForget(event);

        Reply reply = post(entries(event), user(1301), null);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.body().at("/data/rank").asInt()).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    private void redisForget(long event) {
        redis.delete(AdmissionKeys.all(event));
    }

    private static String entries(long event) {
        return "/api/events/" + event + "/entries";
    }
}
