package com.shopfleet.shop.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.order.OrderAmounts;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;

/**
 * A Spring Cloud Stream consumer built with {@link EventHandlers}, on a real (embedded KRaft)
 * broker and a real SQL database: a redelivered event has one effect; a handler that always fails
 * ends on the group's dead-letter topic after the configured attempts, with the reason in headers.
 */
@SpringBootTest(properties = {
        "spring.main.web-application-type=none",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.function.definition=orders",
        "spring.cloud.stream.bindings.orders-in-0.destination=" + Topics.ORDER_ORDER,
        "spring.cloud.stream.bindings.orders-in-0.group=probe",
        "spring.cloud.stream.bindings.orders-in-0.consumer.max-attempts=3",
        "spring.cloud.stream.bindings.orders-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.dlq-name=" + Topics.ORDER_ORDER + ".probe.dlt",
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset=earliest",
        "spring.application.name=probe-service",
        "spring.flyway.locations=classpath:db/shop-support/common,classpath:db/shop-support/{vendor},classpath:db/probe" })
@EmbeddedKafka(partitions = 1, topics = { Topics.ORDER_ORDER, Topics.ORDER_ORDER + ".probe.dlt" })
class IdempotentConsumerTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        EventHandlers orders(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
                JdbcTemplate jdbc) {
            return EventHandlers.forGroup("probe", processed, transactions, jsonMapper)
                    .on(OrderPlaced.class, (envelope, placed) -> jdbc.update(
                            "INSERT INTO probe_effect (order_id) VALUES (?)", placed.orderId()))
                    .on(OrderCancelled.class, (envelope, cancelled) -> {
                        throw new IllegalStateException("stock service refused order " + cancelled.orderId());
                    })
                    .build();
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        EventEnvelope<OrderPlaced> placed = EventEnvelope.of(new OrderPlaced(7001, "20261126-ABCD", 1001, List.of(),
                new OrderAmounts(10_000, 3_000, 0, 13_000)));

        send(placed);
        send(placed);
        send(EventEnvelope.of(new OrderPlaced(7002, "20261126-EFGH", 1001, List.of(),
                new OrderAmounts(10_000, 3_000, 0, 13_000))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT COUNT(*) FROM probe_effect WHERE order_id = 7002", Integer.class)).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_effect WHERE order_id = 7001", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ? AND consumer_group = 'probe'",
                Integer.class, placed.eventId().toString())).isEqualTo(1);
    }

    @Test
    void anEventThatAlwaysFailsEndsOnTheDeadLetterTopicWithItsReason() {
        EventEnvelope<OrderCancelled> cancelled = EventEnvelope.of(new OrderCancelled(7003, "20261126-IJKL", 1001,
                List.of(), new OrderAmounts(10_000, 3_000, 0, 13_000), "CUSTOMER_REQUEST", true));

        send(cancelled);

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new DefaultKafkaConsumerFactory<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.ORDER_ORDER + ".probe.dlt");
            ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer, Topics.ORDER_ORDER + ".probe.dlt",
                    Duration.ofSeconds(30));
            assertThat(dead.key()).isEqualTo("7003");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains(cancelled.eventId().toString());
            assertThat(new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("stock service refused order 7003");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                cancelled.eventId().toString())).as("a failed effect leaves no processed mark").isZero();
    }

    private void send(EventEnvelope<?> envelope) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (var producer = new DefaultKafkaProducerFactory<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).createProducer()) {
            producer.send(new ProducerRecord<>(Topics.ORDER_ORDER, envelope.aggregateId(),
                    jsonMapper.writeValueAsBytes(envelope)));
            producer.flush();
        }
    }
}
