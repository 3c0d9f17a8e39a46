package com.shopfleet.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The infrastructure half of the stack, for real: a redis-server and a KRaft broker as child processes. */
class LocalStackTests {

    private static final String TOPIC = "local-stack.test";

    @TempDir
    Path dataDir;

    private LocalStackOptions options() {
        return LocalStackOptions.defaults().withDataDir(dataDir).withProgress(line -> System.out.println("[test] " + line));
    }

    @Test
    void runsRedisAndKafkaOnAFixedPortKeepsTheirDataAndStopsEveryChild() throws Exception {
        int kafkaPort = Probes.freePort();
        LocalStackOptions options = options().withOnly(Set.of(Fleet.REDIS, Fleet.KAFKA)).withKafkaPort(kafkaPort);

        Set<Long> pids;
        try (LocalStack stack = new LocalStack(options).start()) {
            assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
            assertThat(stack.processes()).extracting(LocalStack.ProcessInfo::name).containsExactly("redis", "kafka");
            assertThat(Probes.redisCommand(stack.redisPort(), "SET greeting hello")).isEqualTo("+OK");
            produce(stack.kafkaBootstrapServers(), "first");
            assertThat(consumeAll(stack.kafkaBootstrapServers(), 1)).containsExactly("first");
            assertThat(stack.summary()).contains("redis", "kafka", "127.0.0.1:" + kafkaPort, dataDir.toString());
            assertThat(Files.readString(stack.logsDir().resolve("kafka.log"))).contains("Kafka Server started");
            pids = stack.processTreePids();
        }
        assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        assertThat(dataDir.resolve("run")).isEmptyDirectory();

        // a restart on the same folder finds Redis' AOF and Kafka's log again
        try (LocalStack stack = new LocalStack(options).start()) {
            assertThat(Probes.redisCommand(stack.redisPort(), "GET greeting")).isEqualTo("$5");
            produce(stack.kafkaBootstrapServers(), "second");
            assertThat(consumeAll(stack.kafkaBootstrapServers(), 2)).containsExactly("first", "second");
            pids = stack.processTreePids();
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void resetWipesTheDataFolder() throws Exception {
        LocalStackOptions options = options().withOnly(Set.of(Fleet.REDIS));
        try (LocalStack stack = new LocalStack(options).start()) {
            Probes.redisCommand(stack.redisPort(), "SET greeting hello");
        }
        try (LocalStack stack = new LocalStack(options).start()) {
            assertThat(Probes.redisCommand(stack.redisPort(), "EXISTS greeting")).isEqualTo(":1");
        }
        Files.writeString(dataDir.resolve("h2").resolve("shop_orders.mv.db"), "pretend");

        try (LocalStack stack = new LocalStack(options.withReset(true)).start()) {
            assertThat(Probes.redisCommand(stack.redisPort(), "EXISTS greeting")).isEqualTo(":0");
            assertThat(dataDir.resolve("h2")).isEmptyDirectory();
            assertThat(dataDir.resolve(DataDir.MARKER)).exists();
        }
    }

    @Test
    void usesTheRedisPortItIsGiven() throws Exception {
        int redisPort = Probes.freePort();
        try (LocalStack stack = new LocalStack(options().withOnly(Set.of(Fleet.REDIS)).withRedisPort(redisPort)).start()) {
            assertThat(stack.redisPort()).isEqualTo(redisPort);
            assertThat(Probes.redisCommand(redisPort, "PING")).isEqualTo("+PONG");
            assertThat(dataDir.resolve("redis").resolve("appendonly.aof")).exists();
        }
    }

    @Test
    void stopsWhatAKilledLauncherLeftRunningButNothingElse() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.createDirectories(dataDir.resolve("run"));
            Files.writeString(dataDir.resolve(DataDir.MARKER), "");
            long started = leftover.info().startInstant().orElseThrow().toEpochMilli();
            Files.writeString(dataDir.resolve("run/kafka.pid"), leftover.pid() + " " + started);
            // same pid as recorded, but another process (pid reuse): its start time differs
            Files.writeString(dataDir.resolve("run/gateway.pid"), stranger.pid() + " " + (started - 60_000));

            try (LocalStack stack = new LocalStack(options().withOnly(Set.of(Fleet.REDIS))).start()) {
                assertThat(leftover.isAlive()).isFalse();
                assertThat(stranger.isAlive()).isTrue();
                assertThat(dataDir.resolve("run")).isDirectoryContaining(p -> p.endsWith("redis.pid"))
                        .isDirectoryNotContaining(p -> p.endsWith("kafka.pid") || p.endsWith("gateway.pid"));
            }
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void oneStackPerDataFolder() {
        try (LocalStack stack = new LocalStack(options().withOnly(Set.of(Fleet.REDIS))).start()) {
            assertThatThrownBy(() -> new LocalStack(options().withOnly(Set.of(Fleet.REDIS))).start())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("Another local stack is running on " + dataDir);
            assertThat(stack.processes()).allMatch(LocalStack.ProcessInfo::alive);
        }
    }

    @Test
    void refusesAFolderThatIsNotItsOwn() throws Exception {
        Files.writeString(dataDir.resolve("thesis.txt"), "precious");

        assertThatThrownBy(() -> new LocalStack(options().withOnly(Set.of(Fleet.REDIS)).withReset(true)).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("refusing");
        assertThat(dataDir.resolve("thesis.txt")).exists();
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        try (var taken = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> new LocalStack(options().withOnly(Set.of(Fleet.KAFKA)).withKafkaPort(taken.getLocalPort())).start())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("already in use: " + taken.getLocalPort() + " (kafka)");
        }
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrapServers, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            // topics are created with the fleet's width (3 partitions); one key keeps the order
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            assertThat(partitions).hasSize(3);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
