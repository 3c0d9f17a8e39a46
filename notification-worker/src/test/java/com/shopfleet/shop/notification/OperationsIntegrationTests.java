package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the on-call person reads: per type and channel counters, and the health components. */
@NotificationIntegrationTest
class OperationsIntegrationTests extends WorkerTestSupport {

    @Test
    void deliveriesAreCountedPerTypeAndChannelOnThePrometheusEndpoint() {
        register(7501, "metrics@example.com", "지표", null, "ko");

        String scrape = get("/actuator/prometheus", null).body();

        assertThat(scrape).containsPattern(
                "shop_notification_sent_total\\{[^}]*channel=\"mail\"[^}]*type=\"UserRegistered\"[^}]*} [1-9]");
    }

    @Test
    void healthShowsTheNotificationAndMailComponents() {
        String health = get("/actuator/health", null).body();

        assertThat(health).contains("\"notifications\":{\"status\":", "\"mail\":{\"status\":\"UP\"}",
                "\"db\":{\"status\":\"UP\"}");
    }
}
