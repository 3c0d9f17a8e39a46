package com.shopfleet.shop.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * The outbox against a real broker that is down when the service publishes (STACK traps 15, 16):
 * events recorded while no broker runs — one before a restart of the service, one after — reach
 * Kafka once the broker is started on the configured port, with their key and wire headers, and
 * the registry ends with nothing pending.
 */
class OutboxRecoveryTests {

    @TempDir
    Path dataDir;

    private final int kafkaPort = freePort();
    private final String database = "outbox-recovery-" + UUID.randomUUID();
    private LocalStack broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eventsRecordedWhileTheBrokerIsDownArriveAfterItStartsAlsoAcrossARestart() throws Exception {
        UUID beforeRestart;
        try (ConfigurableApplicationContext first = startService()) {
            beforeRestart = record(first, new UserWithdrawn(501));
            awaitFailedAttempt(first);
        }

        try (ConfigurableApplicationContext second = startService()) {
            UUID afterRestart = record(second, new UserWithdrawn(502));
            assertThat(pending(second)).isEqualTo(2);

            broker = new LocalStack(LocalStackOptions.defaults()
                    .withDataDir(dataDir)
                    .withKafkaPort(kafkaPort)
                    .withOnly(Set.of("kafka"))
                    .withKafkaLibs(kafkaLibs())
                    .withProgress(line -> { })).start();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(pending(second)).isZero());

            List<ConsumerRecord<String, byte[]>> records = readAll(Topics.AUTH_USER, 2);
            JsonMapper json = second.getBean(JsonMapper.class);
            Map<UUID, Integer> deliveries = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode envelope = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
                deliveries.merge(UUID.fromString(envelope.get("eventId").asString()), 1, Integer::sum);
                assertThat(record.key()).isEqualTo(envelope.get("aggregateId").asString());
                assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                        .isEqualTo(UserWithdrawn.TYPE);
                assertThat(envelope.at("/payload/userId").asLong()).isIn(501L, 502L);
            }
            assertThat(deliveries).containsOnlyKeys(beforeRestart, afterRestart);

            ProcessedEvents inbox = second.getBean(ProcessedEvents.class);
            TransactionTemplate transactions = second.getBean(TransactionTemplate.class);
            long effects = deliveries.keySet().stream()
                    .filter(id -> Boolean.TRUE.equals(transactions.execute(status -> inbox.claim(id, "recovery", "UserWithdrawn"))))
                    .count();
            long duplicates = deliveries.keySet().stream()
                    .filter(id -> Boolean.TRUE.equals(transactions.execute(status -> inbox.claim(id, "recovery", "UserWithdrawn"))))
                    .count();
            assertThat(effects).as("each event takes effect once").isEqualTo(2);
            assertThat(duplicates).isZero();
        }
    }

    private ConfigurableApplicationContext startService() {
        // command-line arguments: they outrank the test application.properties
        return new SpringApplicationBuilder(ProbeService.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=outbox-probe",
                        "--spring.datasource.url=jdbc:h2:mem:" + database
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                        "--spring.kafka.producer.properties.max.block.ms=2000",
                        "--spring.kafka.producer.properties.reconnect.backoff.max.ms=500",
                        "--shop.outbox.retry-interval=500ms",
                        "--shop.outbox.first-retry-after=1s",
                        "--shop.outbox.max-backoff=2s");
    }

    private static UUID record(ConfigurableApplicationContext context, UserWithdrawn event) {
        Outbox outbox = context.getBean(Outbox.class);
        return context.getBean(TransactionTemplate.class).execute(status -> outbox.record(event).eventId());
    }

    private static void awaitFailedAttempt(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED'", Integer.class)).isEqualTo(1));
    }

    private static int pending(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (records.size() >= atLeast) {
                    // keep polling briefly: a duplicate would show up here
                    consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
                    break;
                }
            }
        }
        return records;
    }

    private static Path kafkaLibs() {
        Path fromModule = Path.of("../../infra/local-stack/target/kafka-libs").toAbsolutePath().normalize();
        assertThat(Files.isDirectory(fromModule)).as("broker jars at %s (built by infra/local-stack)", fromModule).isTrue();
        return fromModule;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProbeService {
    }
}
