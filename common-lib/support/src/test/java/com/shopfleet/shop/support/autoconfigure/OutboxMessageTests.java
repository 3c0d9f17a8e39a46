package com.shopfleet.shop.support.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.support.messaging.RecordedEvent;

/** What the relay sends for a stored event, whichever thread publishes it and whenever. */
class OutboxMessageTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredEventGoesOutAsItsEnvelopeWithWireHeadersKeyAndTheRecordedTraceContext() {
        EventEnvelope<UserWithdrawn> envelope = EventEnvelope.of(new UserWithdrawn(77));

        Message<EventEnvelope<?>> message = MessagingAutoConfiguration.OutboxConfiguration.kafkaMessage(
                new RecordedEvent(envelope, Map.of(EventHeaders.TRACEPARENT, TRACEPARENT)));

        assertThat(message.getPayload()).isEqualTo(envelope);
        assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_TYPE, UserWithdrawn.TYPE)
                .containsEntry(EventHeaders.EVENT_VERSION, "1")
                .containsEntry(EventHeaders.TRACEPARENT, TRACEPARENT)
                .containsEntry(KafkaHeaders.KEY, "77");
        assertThat(MessagingAutoConfiguration.OutboxConfiguration.topicOf(envelope)).isEqualTo(Topics.AUTH_USER);
    }

    @Test
    void anEventRecordedOutsideAnyTraceGoesOutWithoutTraceparent() {
        Message<EventEnvelope<?>> message = MessagingAutoConfiguration.OutboxConfiguration.kafkaMessage(
                new RecordedEvent(EventEnvelope.of(new UserWithdrawn(78)), null));

        assertThat(message.getHeaders()).doesNotContainKey(EventHeaders.TRACEPARENT)
                .containsEntry(EventHeaders.EVENT_TYPE, UserWithdrawn.TYPE);
    }

    @Test
    void theStoredTraceContextCannotOverrideTheWireHeaders() {
        Message<EventEnvelope<?>> message = MessagingAutoConfiguration.OutboxConfiguration.kafkaMessage(new RecordedEvent(
                EventEnvelope.of(new UserWithdrawn(79)), Map.of(EventHeaders.EVENT_TYPE, "Forged")));

        assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_TYPE, UserWithdrawn.TYPE);
    }
}
