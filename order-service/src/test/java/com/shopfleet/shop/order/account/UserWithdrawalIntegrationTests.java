package com.shopfleet.shop.order.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.order.testing.IntegrationTest;

class UserWithdrawalIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aUserWhoLeavesLosesTheCartAndTheirClosedOrdersTheShippingData() {
        long user = newId();
        long staff = newId();
        long cable = onSale("USB-C 케이블", 9_900);
        api.as(user).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":1}").assertOk(200);
        long cancelled = placeOrder(user, checkoutBody("CARD", 0, null, cable, 1));
        api.as(user).post("/api/orders/" + cancelled + "/cancel").assertOk(200);
        long open = placeOrder(user, checkoutBody("CARD", 0, null, cable, 1));
        reserveStock(open, cable, 1);
        awaitStatus(user, open, "PAID");
        api.as(user).post("/api/cart/items", "{\"productId\":" + cable + ",\"quantity\":1}").assertOk(200);

        ObjectNode withdrawn = golden("UserWithdrawn", user);
        ((ObjectNode) withdrawn.get("payload")).put("userId", user);
        send(Topics.AUTH_USER, withdrawn);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.as(user).get("/api/orders/" + cancelled).data()
                .get("shipping").isNull());
        assertThat(redis.hasKey("shop:order:cart:" + user)).isFalse();
        JsonNode stillOpen = api.as(user).get("/api/orders/" + open).data();
        assertThat(stillOpen.at("/shipping/recipientName").asString()).isEqualTo("김민수");

        // shipped with the address, then anonymized as soon as it is delivered
        api.staff(staff).post("/api/admin/orders/" + open + "/ship",
                "{\"carrier\":\"CJ대한통운\",\"trackingNumber\":\"684512379025\"}").assertOk(200);
        assertThat(events.await("OrderShipped", open).payload().at("/shippingAddress/recipientName").asString())
                .isEqualTo("김민수");
        api.staff(staff).post("/api/admin/orders/" + open + "/deliver").assertOk(200);
        assertThat(api.as(user).get("/api/orders/" + open).data().get("shipping").isNull()).isTrue();
    }
}
