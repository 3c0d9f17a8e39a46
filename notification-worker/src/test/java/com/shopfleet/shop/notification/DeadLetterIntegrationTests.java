package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * What the worker cannot deliver ends on {@code <topic>.notification.dlt} with its reason — at once
 * when retrying cannot help, after the bounded retries otherwise — and staff list and replay it.
 */
@NotificationIntegrationTest
class DeadLetterIntegrationTests extends WorkerTestSupport {

    private static final String DEAD_LETTERS = "/api/admin/notifications/dead-letters";

    @Test
    void aPermanentFailureIsDeadLetteredAtOnceWithItsReasonAndTheContactIsKept() {
        double failedBefore = count("shop.notification.failed", "type", UserRegistered.TYPE, "reason", "INVALID_ADDRESS");
        EventEnvelope<UserRegistered> registered = fresh(new UserRegistered(7201, "not an address@example.com", "오타",
                "010-7201-0001", "ko", false));

        publish(registered);

        JsonNode letter = awaitDeadLetter("user", registered.eventId());
        assertThat(letter.get("eventType").asString()).isEqualTo(UserRegistered.TYPE);
        assertThat(letter.get("topic").asString()).isEqualTo(Topics.AUTH_USER);
        assertThat(letter.get("key").asString()).isEqualTo("7201");
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("reasonCode").asString()).isEqualTo("INVALID_ADDRESS");
        assertThat(letter.get("reason").asString()).startsWith("[INVALID_ADDRESS] UserRegistered/MAIL: recipient ")
                .doesNotContain("not an address");
        assertThat(letter.has("payload")).isFalse();
        assertThat(count("shop.notification.failed", "type", UserRegistered.TYPE, "reason", "INVALID_ADDRESS")
                - failedBefore).as("no retries").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE user_id = 7201", Integer.class))
                .as("the replica keeps the person although their welcome mail failed").isEqualTo(1);
    }

    @Test
    void anOrderOfAUserWithoutAContactIsRetriedThenDeadLetteredAndReplayedOnceTheContactArrived() {
        String address = "late.contact@example.com";
        EventEnvelope<OrderConfirmed> confirmed = fresh(DeliveredOnceIntegrationTests.order(7301, "SF-LATE-1"));
        double failedBefore = count("shop.notification.failed", "type", OrderConfirmed.TYPE, "reason", "CONTACT_UNKNOWN");

        publish(confirmed);

        JsonNode letter = awaitDeadLetter("order", confirmed.eventId());
        assertThat(letter.get("reasonCode").asString()).isEqualTo("CONTACT_UNKNOWN");
        assertThat(letter.get("reason").asString()).contains("no contact known for user 7301");
        assertThat(count("shop.notification.failed", "type", OrderConfirmed.TYPE, "reason", "CONTACT_UNKNOWN")
                - failedBefore).as("every attempt of the binding").isEqualTo(6);
        assertThat(count("shop.notification.dead.lettered", "type", OrderConfirmed.TYPE, "reason", "CONTACT_UNKNOWN"))
                .isGreaterThanOrEqualTo(1);

        register(7301, address, "늦은연락처", null, "en");
        String id = letter.get("id").asString();
        HttpResponse<String> replayed = post(DEAD_LETTERS + "/" + id + "/replay", Role.MANAGER, Map.of());

        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(body(replayed).get("message").asString()).startsWith("재전송을 요청했습니다.");
        assertThat(body(replayed).at("/data/status").asString()).isEqualTo("REPLAYED");
        awaitMails(address, subjectContains("SF-LATE-1"), 1);
        JsonNode after = body(get(DEAD_LETTERS + "/" + id, Role.MANAGER)).get("data");
        assertThat(after.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(after.get("replayedBy").asLong()).isEqualTo(STAFF_ID);

        HttpResponse<String> again = post(DEAD_LETTERS + "/" + id + "/replay", Role.ADMIN,
                Map.of("Accept-Language", "en"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).at("/errorDetails/code").asString()).isEqualTo("CONFLICT");
        assertThat(body(again).get("message").asString()).isEqualTo("This dead letter was already replayed.");
        assertThat(mails(address, subjectContains("SF-LATE-1"))).hasSize(1);
        assertThat(sentLogRows(confirmed.eventId())).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAtOnceAndTwoStaffReplayingItAtOnceReplayItOnce() throws Exception {
        String key = "junk-" + UUID.randomUUID();
        publishRaw(Topics.EVENT_PRIZE, key, "this is not an event".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> find(list("prize"), node -> key.equals(node.get("key").asString())), found -> found != null);
        assertThat(letter.get("reasonCode").asString()).isEqualTo("MALFORMED_EVENT");
        assertThat(letter.get("eventId").isNull()).isTrue();

        String path = DEAD_LETTERS + "/" + letter.get("id").asString() + "/replay";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> replays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replays.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return post(path, Role.MANAGER, Map.of()).statusCode();
            }));
        }
        start.countDown();

        assertThat(replays.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(202, 409);
        // replayed, it fails again: a new dead letter of the same record, pending
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> list("prize").stream()
                .filter(node -> key.equals(node.get("key").asString())).count() == 2);
    }

    @Test
    void aPasswordResetCodeTooOldToUseIsNotReplayed() {
        EventEnvelope<PasswordResetRequested> requested = at(fresh(new PasswordResetRequested(7401, "bad address@example.com",
                "코드", "ko", "112233")), Instant.now().minus(Duration.ofHours(2)));
        publish(requested);
        JsonNode letter = awaitDeadLetter("user", requested.eventId());

        HttpResponse<String> replay = post(DEAD_LETTERS + "/" + letter.get("id").asString() + "/replay", Role.MANAGER,
                Map.of());

        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(body(replay).at("/errorDetails/code").asString()).isEqualTo("BUSINESS_RULE_VIOLATED");
        assertThat(body(replay).get("message").asString()).startsWith("인증 코드가 담긴 메시지는 유효 시간이 지나");
    }

    @Test
    void onlyStaffSeeDeadLetters() {
        assertThat(get(DEAD_LETTERS, null).statusCode()).isEqualTo(401);
        assertThat(get(DEAD_LETTERS, Role.USER).statusCode()).isEqualTo(403);
        assertThat(get(DEAD_LETTERS, Role.SELLER).statusCode()).isEqualTo(403);
        assertThat(post(DEAD_LETTERS + "/order-0-0/replay", Role.SELLER, Map.of()).statusCode()).isEqualTo(403);
        assertThat(get(DEAD_LETTERS, Role.MANAGER).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsAClear4xx() {
        assertField(get(DEAD_LETTERS + "?size=0", Role.MANAGER), 400, "size");
        assertField(get(DEAD_LETTERS + "?size=1000", Role.MANAGER), 400, "size");
        assertField(get(DEAD_LETTERS + "?page=-1", Role.MANAGER), 400, "page");
        assertField(get(DEAD_LETTERS + "?topic=payments", Role.MANAGER), 400, "topic");
        assertField(get(DEAD_LETTERS + "?status=LOST", Role.MANAGER), 400, "status");
        assertField(get(DEAD_LETTERS + "/not-an-id", Role.MANAGER), 400, "id");
        assertField(post(DEAD_LETTERS + "/order-x-1/replay", Role.MANAGER, Map.of()), 400, "id");
        HttpResponse<String> missing = get(DEAD_LETTERS + "/order-0-987654", Role.MANAGER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).at("/errorDetails/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(post(DEAD_LETTERS + "/prize-3-0/replay", Role.MANAGER, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void theListingPagesNewestFirstAndFiltersByStatusAndType() {
        JsonNode page = body(get(DEAD_LETTERS + "?size=1&page=0&status=PENDING", Role.MANAGER));
        assertThat(page.at("/success").asBoolean()).isTrue();
        assertThat(page.at("/data/page/size").asInt()).isEqualTo(1);
        assertThat(page.at("/data/content").size()).isLessThanOrEqualTo(1);
        for (JsonNode node : body(get(DEAD_LETTERS + "?type=PasswordResetRequested&size=100", Role.MANAGER))
                .at("/data/content")) {
            assertThat(node.get("eventType").asString()).isEqualTo("PasswordResetRequested");
        }
    }

    private void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).at("/errorDetails/code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body(response).at("/errorDetails/fields").has(field)).as(response.body()).isTrue();
    }

    private JsonNode awaitDeadLetter(String topic, UUID eventId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> find(list(topic), node -> eventId.toString().equals(node.get("eventId").asString())),
                        found -> found != null);
    }

    private List<JsonNode> list(String topic) {
        HttpResponse<String> response = get(DEAD_LETTERS + "?size=100&topic=" + topic, Role.MANAGER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> content = new ArrayList<>();
        body(response).at("/data/content").forEach(content::add);
        return content;
    }

    private static JsonNode find(List<JsonNode> nodes, java.util.function.Predicate<JsonNode> matching) {
        return nodes.stream().filter(matching).findFirst().orElse(null);
    }
}
