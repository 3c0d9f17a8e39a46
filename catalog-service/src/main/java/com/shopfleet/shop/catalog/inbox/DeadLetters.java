package com.shopfleet.shop.catalog.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Reads the catalog's dead-letter topics for staff with a short-lived consumer that joins no group (it
 * assigns every partition, reads the last records and leaves, committing nothing). Replaying dead letters
 * is not offered here yet (operations issue).
 */
@Component
public class DeadLetters {

    private static final int MAX_VALUE_CHARS = 4000;

    private final KafkaProperties kafka;
    private final CatalogProperties.DeadLetters settings;
    private final JsonMapper jsonMapper;

    DeadLetters(KafkaProperties kafka, CatalogProperties properties, JsonMapper jsonMapper) {
        this.kafka = kafka;
        this.settings = properties.deadLetters();
        this.jsonMapper = jsonMapper;
    }

    /** The newest {@code limit} dead letters over all the catalog's dead-letter topics, newest first. */
    public List<DeadLetter> newest(int limit) {
        int wanted = Math.min(limit, settings.maxRecords());
        Duration timeout = settings.readTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : settings.topics()) {
                List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), end.get(partition) - wanted);
                consumer.seek(partition, from);
                if (end.get(partition) > from) {
                    remaining.put(partition, end.get(partition));
                }
            }
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(toDeadLetter(record));
                }
                remaining.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            }
        }
        catch (org.apache.kafka.common.KafkaException | IllegalStateException ex) {
            throw new ShopException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        return found.stream()
                .sorted(Comparator.comparing(DeadLetter::timestamp).reversed()
                        .thenComparing(Comparator.comparingLong(DeadLetter::offset).reversed()))
                .limit(wanted)
                .toList();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-dead-letter-reader");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.readTimeout().toMillis());
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.readTimeout().toMillis());
        return properties;
    }

    private DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        String eventType = text(record.headers().lastHeader(EventHeaders.EVENT_TYPE));
        String eventId = null;
        if (value != null) {
            try {
                JsonNode envelope = jsonMapper.readTree(value);
                eventId = envelope.path("eventId").isString() ? envelope.path("eventId").asString() : null;
                if (eventType == null && envelope.path("type").isString()) {
                    eventType = envelope.path("type").asString();
                }
            }
            catch (RuntimeException unreadable) {
                // not JSON: shown as it is
            }
        }
        String failureType = text(record.headers().lastHeader("x-exception-fqcn"));
        String failureMessage = text(record.headers().lastHeader("x-exception-message"));
        String failure = failureType == null ? failureMessage
                : failureMessage == null ? failureType : failureType + ": " + failureMessage;
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record.headers().lastHeader("x-original-topic")), eventType, eventId, cut(failure), cut(value));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
