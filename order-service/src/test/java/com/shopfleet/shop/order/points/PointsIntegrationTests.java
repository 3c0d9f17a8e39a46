package com.shopfleet.shop.order.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.order.testing.IntegrationTest;

class PointsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPrizeIsCreditedOnceWhateverHowOftenItArrives() {
        long winner = newId();
        ObjectNode won = golden("PrizeWon", "42:" + winner);
        ((ObjectNode) won.get("payload")).put("userId", winner);

        send(Topics.EVENT_PRIZE, won);
        send(Topics.EVENT_PRIZE, won);
        // the same prize re-published under a new event id
        ObjectNode republished = won.deepCopy();
        republished.put("eventId", UUID.randomUUID().toString());
        send(Topics.EVENT_PRIZE, republished);
        long otherPrize = newId();
        ObjectNode another = golden("PrizeWon", otherPrize + ":" + winner);
        ((ObjectNode) another.get("payload")).put("userId", winner).put("eventId", otherPrize).put("prizePoints", 1_000);
        send(Topics.EVENT_PRIZE, another);

        await().atMost(Duration.ofSeconds(20)).until(() -> wallet.balance(winner).balance() == 6_000);
        sleep(Duration.ofMillis(500));
        assertThat(wallet.balance(winner).balance()).isEqualTo(6_000);
        JsonNode points = api.as(winner).get("/api/points").assertOk(200).data();
        assertThat(points.get("balance").asLong()).isEqualTo(6_000);
        assertThat(points.at("/history/page/totalElements").asLong()).isEqualTo(2);
        assertThat(points.at("/history/content/1/type").asString()).isEqualTo("PRIZE");
        assertThat(points.at("/history/content/1/description").asString()).isEqualTo("블랙프라이데이 선착순 5,000포인트");
    }

    @Test
    void theGoldenPrizeIsCreditedToItsWinner() {
        send(Topics.EVENT_PRIZE, (ObjectNode) jsonMapper.readTree(GoldenFiles.eventJson("PrizeWon")));
        send(Topics.EVENT_PRIZE, (ObjectNode) jsonMapper.readTree(GoldenFiles.eventJson("PrizeWon")));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_ledger WHERE source_key = 'prize:42:1001'", Integer.class) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                "8159036d-f06b-4075-87cd-773778b11b9d")).isEqualTo(1);
    }

    @Test
    void aNewUserGetsTheSignupBonusOnce() {
        long user = newId();
        ObjectNode registered = golden("UserRegistered", user);
        ((ObjectNode) registered.get("payload")).put("userId", user);

        send(Topics.AUTH_USER, registered);
        ObjectNode again = registered.deepCopy();
        again.put("eventId", UUID.randomUUID().toString());
        send(Topics.AUTH_USER, again);

        await().atMost(Duration.ofSeconds(20)).until(() -> wallet.balance(user).balance() == 10_000);
        sleep(Duration.ofMillis(500));
        JsonNode history = api.as(user).get("/api/points").assertOk(200).data().get("history");
        assertThat(history.at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(history.at("/content/0/type").asString()).isEqualTo("SIGNUP_BONUS");
        assertThat(history.at("/content/0/balanceAfter").asLong()).isEqualTo(10_000);
    }

    @Test
    void theHistoryShowsEveryOrderStepAndPagesNewestFirst() {
        long buyer = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        givePoints(buyer, 4_000);
        long orderId = placeOrder(buyer, checkoutBody("CARD", 4_000, null, cable, 1));
        reserveStock(orderId, cable, 1);
        awaitStatus(buyer, orderId, "PAID");

        JsonNode points = api.as(buyer).get("/api/points?size=2").assertOk(200).data();
        assertThat(points.get("balance").asLong()).isZero();
        assertThat(points.get("held").asLong()).isZero();
        assertThat(points.at("/history/page/totalElements").asLong()).isEqualTo(3);
        assertThat(points.at("/history/content/0/type").asString()).isEqualTo("ORDER_CAPTURE");
        assertThat(points.at("/history/content/0/heldChange").asLong()).isEqualTo(-4_000);
        assertThat(points.at("/history/content/1/type").asString()).isEqualTo("ORDER_HOLD");
        assertThat(points.at("/history/content/1/amount").asLong()).isEqualTo(-4_000);
        assertThat(points.at("/history/content/1/orderId").asLong()).isEqualTo(orderId);
        api.as(buyer).get("/api/points?page=-1").assertError(400, "VALIDATION_FAILED");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
