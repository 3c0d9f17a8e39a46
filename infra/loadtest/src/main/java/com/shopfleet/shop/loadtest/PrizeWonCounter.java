package com.shopfleet.shop.loadtest;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts the PrizeWon events of one FCFS event on the broker, read from the topic's start. */
final class PrizeWonCounter {

    static final String TOPIC = "shop.event.prize";

    private PrizeWonCounter() {
    }

    /** @return {messages, distinct aggregate ids (event:user)} */
    static long[] count(String bootstrapServers, long eventId, long expected, Duration within) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        JsonMapper json = JsonMapper.builder().build();
        long messages = 0;
        Set<String> aggregates = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + within.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = json.readTree(record.value());
                    if (envelope.at("/payload/eventId").asLong() == eventId) {
                        messages++;
                        aggregates.add(envelope.get("aggregateId").asString());
                    }
                }
                if (messages >= expected && quietUntil == Long.MAX_VALUE) {
                    // a little longer, so a duplicate would show
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return new long[] { messages, aggregates.size() };
    }
}
