package com.shopfleet.shop.support.messaging.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Reads dead-letter topics with a short-lived consumer (assigned partitions, no group, no commits)
 * and republishes records with an idempotent, fully acknowledged producer. Kafka not answering
 * within the timeout is a 503 to the caller.
 */
public class DeadLetterRecords implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecords.class);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final Duration timeout;
    private final Map<String, Object> adminConfig;
    private final AtomicLong readers = new AtomicLong();
    private volatile Producer<byte[], byte[]> producer;
    private volatile Admin admin;

    public DeadLetterRecords(Map<String, Object> kafkaConsumerProperties, Map<String, Object> kafkaProducerProperties,
            Map<String, Object> kafkaAdminProperties, Duration timeout, String clientIdPrefix) {
        this.timeout = timeout;
        Map<String, Object> adminProperties = new HashMap<>(kafkaAdminProperties);
        adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-dead-letter-offsets");
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig = Map.copyOf(adminProperties);
        Map<String, Object> consumer = new HashMap<>(kafkaConsumerProperties);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-dead-letters");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        consumer.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(consumer);
        Map<String, Object> producer = new HashMap<>(kafkaProducerProperties);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-dead-letter-replay");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producerConfig = Map.copyOf(producer);
    }

    /** The newest {@code maxPerPartition} records of each partition of a topic (none when it does not exist yet). */
    public List<ConsumerRecord<byte[], byte[]>> newest(String topic, int maxPerPartition) {
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> start = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.getOrDefault(partition, 0L), end.getOrDefault(partition, 0L) - maxPerPartition);
                if (from < end.getOrDefault(partition, 0L)) {
                    start.put(partition, from);
                }
            }
            if (start.isEmpty()) {
                return List.of();
            }
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            return readUntil(consumer, end);
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    /** The record at an offset of a partition, if it is (still) there. */
    public Optional<ConsumerRecord<byte[], byte[]>> at(String topic, int partition, long offset) {
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
                return Optional.empty();
            }
            TopicPartition tp = new TopicPartition(topic, partition);
            long begin = consumer.beginningOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
            long end = consumer.endOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            return readUntil(consumer, Map.of(tp, offset + 1)).stream().filter(r -> r.offset() == offset).findFirst();
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    /**
     * For each partition of a topic, the first and the next offset ({@code [begin, end)}: the
     * records it holds); empty when the topic does not exist yet. Asked of one long-lived admin
     * client (the metrics call it every few seconds: no client created, no config logged each time).
     */
    public Map<Integer, long[]> bounds(String topic) {
        try {
            Admin client = admin();
            TopicDescription description;
            try {
                description = client.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
                    return Map.of();
                }
                throw ex;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(info -> {
                earliest.put(new TopicPartition(topic, info.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begin = client.listOffsets(earliest).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = client.listOffsets(latest).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<Integer, long[]> bounds = new HashMap<>();
            begin.forEach((partition, first) -> bounds.put(partition.partition(),
                    new long[] { first.offset(), end.get(partition).offset() }));
            return bounds;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable(ex);
        }
        catch (ExecutionException | TimeoutException | KafkaException ex) {
            throw unavailable(ex);
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    /** Sends a record and waits for the broker's acknowledgement. */
    public void publish(ProducerRecord<byte[], byte[]> record) {
        try {
            producer().send(record).get(timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable(ex);
        }
        catch (ExecutionException | TimeoutException | KafkaException ex) {
            throw unavailable(ex);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readUntil(Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> end) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<TopicPartition> remaining = new ArrayList<>(consumer.assignment());
        Instant deadline = Instant.now().plus(timeout);
        while (!remaining.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw unavailable(new TimeoutException("dead letters not read within " + timeout));
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.getOrDefault(partition, Long.MAX_VALUE)) {
                    records.add(record);
                }
            }
            remaining.removeIf(partition -> consumer.position(partition) >= end.getOrDefault(partition, 0L));
        }
        return records;
    }

    private Consumer<byte[], byte[]> consumer() {
        // a distinct client id per short-lived consumer: concurrent readers (a listing, the metrics) do not clash
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, config.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + readers.incrementAndGet());
        return new KafkaConsumer<>(config);
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig);
                }
                current = producer;
            }
        }
        return current;
    }

    private static ShopException unavailable(Exception ex) {
        log.warn("Kafka did not answer the dead-letter request: {}", ex.toString());
        return new ShopException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Override
    public void destroy() {
        Producer<byte[], byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
        Admin client = admin;
        if (client != null) {
            client.close(Duration.ofSeconds(5));
        }
    }
}
