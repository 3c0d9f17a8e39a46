package com.shopfleet.shop.event.fcfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.event.EventServiceIntegrationTest;
import com.shopfleet.shop.event.admission.AdmissionKeys;
import com.shopfleet.shop.testsupport.TestIdentities;

/** Staff manage events; visitors read them. Over HTTP, with the real Redis behind. */
class EventStaffIntegrationTests extends EventServiceIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void staffCreateAnEventWithTimesInAnyOffsetStoredInUtc() throws Exception {
        Instant opens = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(Duration.ofHours(1));

        Reply created = post("/api/admin/events", manager(), eventJson("첫 구매 1,000명 10,000포인트", 10_000, 1_000,
                opens, closes));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().at("/data/id").asLong();
        assertThat(created.response().headers().firstValue("Location")).hasValue("/api/admin/events/" + id);
        assertThat(created.body().at("/data/opensAt").asString()).isEqualTo(opens.toString());
        assertThat(created.body().at("/data/status").asString()).isEqualTo("UPCOMING");
        assertThat(created.body().at("/data/editable").asBoolean()).isTrue();
        // opens within the preload window: in Redis at once
        assertThat(redis.opsForValue().get(AdmissionKeys.remaining(id))).isEqualTo("1000");

        Reply visitor = get("/api/events/" + id, null);
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(visitor.body().at("/data/title").asString()).isEqualTo("첫 구매 1,000명 10,000포인트");
        assertThat(visitor.body().at("/data/remaining").asLong()).isEqualTo(1_000);
        assertThat(visitor.body().at("/data/closesAt").asString()).isEqualTo(closes.toString());
        assertThat(visitor.body().at("/data/status").asString()).isEqualTo("UPCOMING");
    }

    @Test
    void anEventCanBeChangedUntilItOpensAndRedisFollows() throws Exception {
        Instant opens = Instant.now().plus(Duration.ofMinutes(5));
        long id = createEvent(10, opens, opens.plus(Duration.ofHours(1)));

        Reply changed = put("/api/admin/events/" + id, manager(), eventJson("바뀐 이벤트", 5_000, 25, opens,
                opens.plus(Duration.ofHours(2))));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().at("/data/quantity").asInt()).isEqualTo(25);
        assertThat(redis.opsForValue().get(AdmissionKeys.remaining(id))).isEqualTo("25");
        assertThat(redis.opsForHash().get(AdmissionKeys.meta(id), "prizePoints")).isEqualTo("5000");

        long open = openEvent(10);
        Reply tooLate = put("/api/admin/events/" + open, manager(), eventJson("늦은 변경", 5_000, 25,
                Instant.now().plusSeconds(60), Instant.now().plusSeconds(600)));
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.body().get("message").asString()).isEqualTo("이미 시작된 이벤트는 수정할 수 없습니다.");
    }

    @Test
    void anEventClosesOnce() throws Exception {
        long id = openEvent(10);

        Reply closed = post("/api/admin/events/" + id + "/close", manager(), null);
        Reply again = post("/api/admin/events/" + id + "/close", manager(), null);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().at("/data/status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().at("/data/closedAt").isString()).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(get("/api/events/" + id, null).body().at("/data/status").asString()).isEqualTo("CLOSED");
        assertThat(redis.opsForHash().get(AdmissionKeys.meta(id), "closed")).isEqualTo("1");
    }

    @Test
    void badTermsAreA400NamingTheFieldsInTheClientsLanguage() throws Exception {
        Instant now = Instant.now();
        String body = eventJson("", 0, 1_000_001, now.plusSeconds(600), now.plusSeconds(60));

        Reply reply = send(request("/api/admin/events", manager()).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().at("/errorDetails/fields").propertyNames()).contains("title", "prizePoints", "quantity");

        Reply backwards = post("/api/admin/events", manager(), eventJson("거꾸로", 100, 10, now.plusSeconds(600),
                now.plusSeconds(60)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().at("/errorDetails/fields/closesAt").asString())
                .isEqualTo("종료 시각은 시작 시각보다 뒤여야 합니다.");

        Reply noOffset = post("/api/admin/events", manager(), """
                {"title": "t", "prizePoints": 1, "quantity": 1, "opensAt": "2026-12-01T10:00:00",
                 "closesAt": "2026-12-01T11:00:00"}""");
        assertThat(noOffset.status()).isEqualTo(400);
    }

    @Test
    void onlyManagersAndAboveManageEvents() throws Exception {
        Instant now = Instant.now();
        String body = eventJson("권한", 100, 10, now.plusSeconds(60), now.plusSeconds(600));

        assertThat(post("/api/admin/events", user(42), body).status()).isEqualTo(403);
        assertThat(post("/api/admin/events", TestIdentities.token(AUDIENCE, 43, Role.SELLER), body).status())
                .isEqualTo(403);
        assertThat(post("/api/admin/events", null, body).status()).isEqualTo(401);
        assertThat(post("/api/admin/events", TestIdentities.token(AUDIENCE, 44, Role.ADMIN), body).status())
                .isEqualTo(201);
        assertThat(get("/api/admin/events/1/winners", user(42)).status()).isEqualTo(403);
        assertThat(get("/api/admin/events/987654/winners", manager()).status()).isEqualTo(404);
    }

    @Test
    void visitorsListOpenAndUpcomingEventsButNotClosedOnes() throws Exception {
        long open = openEvent(3);
        long closed = openEvent(3);
        post("/api/admin/events/" + closed + "/close", manager(), null);

        Reply list = get("/api/events?size=100", null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().at("/data/content").findValues("id").stream().map(n -> n.asLong()).toList())
                .contains(open).doesNotContain(closed);
        assertThat(list.body().at("/data/page/size").asInt()).isEqualTo(100);
        assertThat(get("/api/events?size=1000", null).status()).isEqualTo(400);
        assertThat(get("/api/events/987654", null).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void staffReadTheStoredWinnersPagedAndAsCsv() throws Exception {
        long id = openEvent(3);
        for (long user = 3_001; user <= 3_004; user++) {
            post("/api/events/" + id + "/entries", user(user), null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> storedWinners(id) == 3);

        Reply page = get("/api/admin/events/" + id + "/winners?size=2", manager());
        Reply csv = send(request("/api/admin/events/" + id + "/winners", manager()).header("Accept", "text/csv")
                .GET().build());
        Reply csvByParameter = get("/api/admin/events/" + id + "/winners?format=csv", manager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().at("/data/content/0/rank").asInt()).isEqualTo(1);
        assertThat(page.body().at("/data/content/0/userId").asLong()).isEqualTo(3_001);
        assertThat(page.body().at("/data/page/totalElements").asLong()).isEqualTo(3);
        assertThat(page.body().at("/data/page/totalPages").asInt()).isEqualTo(2);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.text().lines().toList()).hasSize(4).first().isEqualTo("rank,userId,wonAt,storedAt");
        assertThat(csv.text().lines().skip(1).map(line -> line.split(",")[1]).toList())
                .containsExactly("3001", "3002", "3003");
        assertThat(csvByParameter.text()).isEqualTo(csv.text());
    }
}
