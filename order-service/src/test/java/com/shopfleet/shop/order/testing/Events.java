package com.shopfleet.shop.order.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.EventTypes;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * The test's side of Kafka: sends events as the other services would (JSON envelope, String key,
 * wire-name headers), and reads everything the service publishes on {@code shop.order.order}.
 */
public final class Events {

    private static final Map<String, Events> BY_BROKERS = new ConcurrentHashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();
    private final String brokers;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Events(String brokers) {
        this.brokers = brokers;
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(producerProps);
        Thread reader = new Thread(() -> read(brokers), "order-topic-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** One per broker (the shared test context has one). */
    public static Events on(String brokers) {
        return BY_BROKERS.computeIfAbsent(brokers, Events::new);
    }

    /** Sends an envelope to its type's topic, keyed by aggregate id, as a producer of the fleet does. */
    public void send(EventEnvelope<?> envelope) {
        String topic = EventTypes.find(envelope.type()).orElseThrow().topic();
        sendRaw(topic, envelope.aggregateId(), json.writeValueAsBytes(envelope), envelope.type());
    }

    public void sendRaw(String topic, String key, byte[] value, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not send to " + topic, ex);
        }
    }

    /** Waits for the service to publish an event of {@code type} about the order; returns it. */
    public Received await(String type, long orderId) {
        return await(type, orderId, event -> true);
    }

    public Received await(String type, long orderId, Predicate<Received> condition) {
        Received[] found = new Received[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (Received event : received) {
                if (event.type().equals(type) && event.key().equals(Long.toString(orderId)) && condition.test(event)) {
                    found[0] = event;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** What was published about the order so far. */
    public List<Received> about(long orderId) {
        return received.stream().filter(event -> event.key().equals(Long.toString(orderId))).toList();
    }

    public List<Received> about(long orderId, String type) {
        return about(orderId).stream().filter(event -> event.type().equals(type)).toList();
    }

    /** Waits for a record with this key on any topic (e.g. a dead-letter topic); returns its value as text. */
    public String awaitRecord(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return new String(record.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("nothing with key " + key + " on " + topic);
    }

    private void read(String brokers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.ORDER_ORDER));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    JsonNode envelope = json.readTree(record.value());
                    var typeHeader = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
                    received.add(new Received(record.key(), envelope.get("type").asString(), envelope,
                            typeHeader == null ? null : new String(typeHeader.value(), StandardCharsets.UTF_8)));
                }
            }
        }
    }

    /** A published event: its Kafka key, wire name, the whole envelope and the {@code event-type} header. */
    public record Received(String key, String type, JsonNode envelope, String typeHeader) {

        public JsonNode payload() {
            return envelope.get("payload");
        }
    }
}
