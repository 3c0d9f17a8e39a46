package com.shopfleet.shop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker (broker + controller in one JVM) from Apache Kafka's own
 * jars, run as a child JVM: {@code java -cp 'kafka-libs/*' kafka.Kafka server.properties}.
 * Its storage is formatted once ({@code kafka.tools.StorageTool format}); data lives in
 * {@code <data>/kafka/data}, so topics and offsets survive restarts.
 */
final class Kafka {

    static final String NAME = "kafka";
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private Kafka() {
    }

    static ProcessSpec spec(StackContext context) {
        return new ProcessSpec(NAME, context.kafkaPort(), List.of(), Kafka::command,
                new Readiness(), Duration.ofSeconds(90));
    }

    private static ProcessSpec.Command command(StackContext context) throws Exception {
        Path libs = context.kafkaLibs();
        if (!Files.isDirectory(libs) || !hasKafkaJar(libs)) {
            throw new LocalStackException("The Kafka broker's jars are missing in " + libs
                    + ". Build the launcher first: ./mvnw -q -B install -DskipTests -pl infra/local-stack -am");
        }
        Path dir = Files.createDirectories(context.dataDir().resolve("kafka"));
        Path logDir = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(context, logDir));

        String classpath = libs.resolve("*").toString();
        List<String> jvm = new ArrayList<>();
        jvm.add(context.javaCommand());
        jvm.addAll(context.options().kafkaJvmOptions());
        jvm.add("-Dshop.local-stack.data-dir=" + context.dataDir());
        jvm.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        jvm.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        jvm.add("-cp");
        jvm.add(classpath);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of(STORAGE_TOOL, "format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", config.toString()));
            int exit = context.runToCompletion(NAME, format, Duration.ofMinutes(1));
            if (exit != 0) {
                throw new LocalStackException("Formatting Kafka's storage failed (exit code " + exit
                        + "). Log: " + context.logFile(NAME));
            }
        }

        List<String> broker = new ArrayList<>(jvm);
        broker.add(MAIN_CLASS);
        broker.add(config.toString());
        return new ProcessSpec.Command(broker, Map.of());
    }

    private static boolean hasKafkaJar(Path libs) throws IOException {
        try (var files = Files.list(libs)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    static String serverProperties(StackContext context, Path logDir) {
        int port = context.kafkaPort();
        int controllerPort = context.kafkaControllerPort();
        return String.join("\n",
                "# written by the local stack on every start; edit LocalStack's Kafka.java instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                // the fleet's topic width (as in compose): a topic a consumer creates first has its
                // partitions at once; widened later, a consumer would see the new partitions only at
                // its next metadata refresh (5 min) and miss the events in them until then
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "") ;
    }

    /** Ready = the port accepts connections and the broker answers describeCluster with itself. */
    static final class Readiness implements ProcessSpec.ReadinessCheck, AutoCloseable {

        private Admin admin;

        @Override
        public void check(StackContext context) throws Exception {
            Probes.tcp(context.kafkaPort());
            if (admin == null) {
                Properties properties = new Properties();
                properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, context.kafkaBootstrapServers());
                properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
                properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                properties.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
                properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
                admin = Admin.create(properties);
            }
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(4000))
                    .nodes().get(5, TimeUnit.SECONDS);
            if (nodes.isEmpty()) {
                throw new IOException("no broker registered yet");
            }
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }
}
