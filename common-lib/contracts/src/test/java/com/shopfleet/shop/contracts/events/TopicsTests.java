package com.shopfleet.shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void deadLetterTopicIsPerTopicAndConsumerGroup() {
        assertThat(Topics.deadLetter(Topics.ORDER_ORDER, "catalog-service"))
                .isEqualTo("shop.order.order.catalog-service.dlt");
    }

    @Test
    void topicsFollowTheFleetNaming() {
        assertThat(new String[] {Topics.AUTH_USER, Topics.CATALOG_PRODUCT, Topics.CATALOG_STOCK, Topics.ORDER_ORDER,
                Topics.EVENT_PRIZE})
                .containsExactly("shop.auth.user", "shop.catalog.product", "shop.catalog.stock", "shop.order.order",
                        "shop.event.prize");
    }
}
