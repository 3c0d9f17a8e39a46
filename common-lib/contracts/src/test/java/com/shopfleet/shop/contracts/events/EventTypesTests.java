package com.shopfleet.shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import org.junit.jupiter.api.Test;

class EventTypesTests {

    @Test
    void everyTypeIsPublishedToATopicOfTheFleet() {
        assertThat(EventTypes.all()).isNotEmpty().allSatisfy(type -> assertThat(type.topic())
                .isIn(Topics.AUTH_USER, Topics.CATALOG_PRODUCT, Topics.CATALOG_STOCK, Topics.ORDER_ORDER,
                        Topics.EVENT_PRIZE));
    }

    @Test
    void namesAndPayloadClassesAreUnique() {
        assertThat(EventTypes.all()).extracting(EventType::name).doesNotHaveDuplicates();
        assertThat(EventTypes.all()).extracting(EventType::payloadClass).doesNotHaveDuplicates();
    }

    @Test
    void everyNameIsThePayloadsTypeConstant() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(type.payloadClass().isRecord()).isTrue();
            assertThat(type.payloadClass().getField("TYPE").get(null)).isEqualTo(type.name());
        });
    }

    @Test
    void knownNameResolvesToPayloadClassAndTopic() {
        assertThat(EventTypes.find("OrderPlaced")).hasValueSatisfying(type -> {
            assertThat(type.payloadClass()).isEqualTo(OrderPlaced.class);
            assertThat(type.topic()).isEqualTo(Topics.ORDER_ORDER);
        });
    }

    @Test
    void unknownOrMissingNameResolvesToNothing() {
        assertThat(EventTypes.find("OrderTeleported")).isEmpty();
        assertThat(EventTypes.find(OrderPlaced.class.getName())).isEmpty();
        assertThat(EventTypes.find(null)).isEmpty();
    }
}
