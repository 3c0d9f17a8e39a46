package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.Topics;

/** Reads what the outbox published to {@code shop.auth.user} on the embedded broker, from the start. */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /** A published record of this type about this user, as Kafka carries it. */
    record Published(String key, String typeHeader, String versionHeader, JsonNode envelope) {
    }

    static Published await(String brokers, String type, long userId) {
        return await(brokers, type, published -> published.key().equals(Long.toString(userId)));
    }

    static Published await(String brokers, String type, Predicate<Published> matching) {
        List<Published> found = awaitAll(brokers, type, matching, 1);
        return found.get(0);
    }

    static List<Published> awaitAll(String brokers, String type, Predicate<Published> matching, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.AUTH_USER, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<Published> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    Published published = new Published(record.key(), header(record, EventHeaders.EVENT_TYPE),
                            header(record, EventHeaders.EVENT_VERSION),
                            Browser.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
                    if (type.equals(published.typeHeader()) && matching.test(published)) {
                        found.add(published);
                    }
                }
                if (found.size() >= atLeast) {
                    return found;
                }
            }
            return fail("no %d %s event(s) on %s within 30 s (found %d)", atLeast, type, Topics.AUTH_USER, found.size());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
