package com.shopfleet.shop.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;

/** Sends events to the embedded broker as a producer service would, and reads what the catalog published. */
final class KafkaProbe {

    private final EmbeddedKafkaBroker broker;
    private final JsonMapper jsonMapper;

    KafkaProbe(EmbeddedKafkaBroker broker, JsonMapper jsonMapper) {
        this.broker = broker;
        this.jsonMapper = jsonMapper;
    }

    void send(String topic, EventEnvelope<?> envelope) {
        send(topic, envelope.aggregateId(), envelope.type(), jsonMapper.writeValueAsString(envelope));
    }

    /** A raw record: key, {@code event-type} header and JSON text as given. */
    void send(String topic, String key, String type, String json) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (Producer<String, String> producer = new DefaultKafkaProducerFactory<>(props, new StringSerializer(),
                new StringSerializer()).createProducer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }

    /** Waits until the topic holds a record matching {@code match}; returns every matching one read by then. */
    List<Record> await(String topic, Predicate<Record> match, Duration timeout) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "probe-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<Record> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    Record read = new Record(record.key(), header(record, EventHeaders.EVENT_TYPE),
                            jsonMapper.readTree(record.value()));
                    if (match.test(read)) {
                        found.add(read);
                    }
                }
                return !found.isEmpty();
            });
            // whatever else is already there
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                Record read = new Record(record.key(), header(record, EventHeaders.EVENT_TYPE),
                        jsonMapper.readTree(record.value()));
                if (match.test(read)) {
                    found.add(read);
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    record Record(String key, String type, JsonNode envelope) {

        JsonNode payload() {
            return envelope.get("payload");
        }
    }
}
