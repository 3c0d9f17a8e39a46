package com.shopfleet.shop.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;

/**
 * The trace of a change travels with its event: the outbox stores the trace context of the
 * transaction that recorded the event, the relay (after commit, on another thread) puts it on the
 * Kafka record as {@code traceparent}, and an {@link EventHandlers} consumer handles the event in
 * the same trace — real tracing (OpenTelemetry through Micrometer), a real broker and database.
 */
@SpringBootTest(properties = {
        "spring.main.web-application-type=none",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.function.definition=users",
        "spring.cloud.stream.bindings.users-in-0.destination=" + Topics.AUTH_USER,
        "spring.cloud.stream.bindings.users-in-0.group=traced",
        "spring.cloud.stream.kafka.bindings.users-in-0.consumer.start-offset=earliest",
        "spring.application.name=traced-probe" })
@EmbeddedKafka(partitions = 1, topics = Topics.AUTH_USER)
class OutboxTracingTests {

    /** What the consumer saw: the user id and the trace id current while handling it. */
    record Handled(long userId, String traceId) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final List<Handled> handled = new CopyOnWriteArrayList<>();

        @Bean
        EventHandlers users(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
                Tracer tracer) {
            return EventHandlers.forGroup("traced", processed, transactions, jsonMapper)
                    .on(UserWithdrawn.class, (envelope, withdrawn) -> handled.add(new Handled(withdrawn.userId(),
                            tracer.currentSpan() == null ? "none" : tracer.currentSpan().context().traceId())))
                    .build();
        }
    }

    @Autowired
    App app;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void theConsumerContinuesTheTraceOfTheTransactionThatRecordedTheEvent() {
        long userId = 4100 + (System.nanoTime() % 100);
        AtomicReference<String> recordingTrace = new AtomicReference<>();
        Observation.createNotStarted("withdraw-user", observations).observe(() -> {
            recordingTrace.set(tracer.currentSpan().context().traceId());
            transactions.executeWithoutResult(status -> outbox.record(new UserWithdrawn(userId)));
        });

        ConsumerRecord<String, byte[]> published = readPublished(String.valueOf(userId));
        Header traceparent = published.headers().lastHeader(EventHeaders.TRACEPARENT);
        assertThat(traceparent).as("traceparent header").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + recordingTrace.get() + "-");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(app.handled)
                .contains(new Handled(userId, recordingTrace.get())));
    }

    private ConsumerRecord<String, byte[]> readPublished(String key) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new DefaultKafkaConsumerFactory<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.AUTH_USER);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + key + " on " + Topics.AUTH_USER);
    }
}
