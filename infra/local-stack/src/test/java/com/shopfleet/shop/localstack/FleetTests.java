package com.shopfleet.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processes start, in which order, after what. */
class FleetTests {

    private final StackContext context = new StackContext(LocalStackOptions.defaults(), Path.of("/repo"),
            Path.of("/repo/.local"), Path.of("/repo/infra/local-stack/target/kafka-libs"), "java", 40000, 9092,
            40001, "key", new DemoAccounts(new DemoAccounts.Account("admin@shop.local", "Demo-staff-7!"),
                    new DemoAccounts.Account("shopper@shop.local", "Demo-shopper-7!")), (log, argv, timeout) -> 0);

    @Test
    void startsRedisAndKafkaThenTheServicesThenTheGateway() {
        List<ProcessSpec> fleet = LocalStack.select(Fleet.standard(context), Set.of());

        assertThat(fleet).extracting(ProcessSpec::name).containsExactly("redis", "kafka", "auth-service",
                "catalog-service", "order-service", "event-service", "notification-worker", "gateway");
        assertThat(fleet).extracting(ProcessSpec::port).containsExactly(40000, 9092, 8081, 8082, 8083, 8084, 8085, 8080);
        assertThat(fleet.subList(2, 7)).allSatisfy(service ->
                assertThat(service.dependsOn()).containsExactly("redis", "kafka"));
        assertThat(fleet.getLast().dependsOn()).contains("redis", "auth-service", "catalog-service", "order-service",
                "event-service", "notification-worker");
    }

    @Test
    void aPortBaseMovesTheGatewayAndTheServicesAndTellsTheGatewayWhereTheyAre(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("gateway/target"));
        Files.createFile(repo.resolve("gateway/target/gateway.jar"));
        StackContext shifted = new StackContext(LocalStackOptions.defaults().withPortBase(8300), repo,
                Path.of("/repo/.local"), Path.of("/repo/infra/local-stack/target/kafka-libs"), "java", 40000, 9312,
                40001, "key", context.demoAccounts(), (log, argv, timeout) -> 0);

        List<ProcessSpec> fleet = LocalStack.select(Fleet.standard(shifted), Set.of());

        assertThat(fleet).extracting(ProcessSpec::port).containsExactly(40000, 9312, 8301, 8302, 8303, 8304, 8305, 8300);
        assertThat(fleet.getLast().launcher().prepare(shifted).environment()).contains(
                Map.entry("SERVER_PORT", "8300"),
                Map.entry("SHOP_GATEWAY_AUTH_URI", "http://localhost:8301"),
                Map.entry("SHOP_GATEWAY_CATALOG_URI", "http://localhost:8302"),
                Map.entry("SHOP_GATEWAY_ORDER_URI", "http://localhost:8303"),
                Map.entry("SHOP_GATEWAY_EVENT_URI", "http://localhost:8304"),
                Map.entry("SHOP_GATEWAY_NOTIFICATION_URI", "http://localhost:8305"));
    }

    @Test
    void onlyStartsWhatWasAskedForAndWhatItNeeds() {
        assertThat(LocalStack.select(Fleet.standard(context), Set.of("order-service")))
                .extracting(ProcessSpec::name).containsExactly("redis", "kafka", "order-service");
        assertThat(LocalStack.select(Fleet.standard(context), Set.of("redis")))
                .extracting(ProcessSpec::name).containsExactly("redis");
    }

    @Test
    void namesTheKnownProcessesWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> LocalStack.select(Fleet.standard(context), Set.of("payment-service")))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Unknown process 'payment-service'")
                .hasMessageContaining("order-service");
    }

    @Test
    void refusesDependencyCycles() {
        assertThatThrownBy(() -> LocalStack.select(List.of(spec("a", "b"), spec("b", "a")), Set.of()))
                .hasMessageContaining("dependency cycle");
        assertThatThrownBy(() -> LocalStack.select(List.of(spec("a", "ghost")), Set.of()))
                .hasMessageContaining("a depends on unknown process ghost");
    }

    @Test
    void givesEveryServiceTheSameEnvironment() {
        assertThat(context.serviceEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SPRING_PROFILES_ACTIVE", "local",
                "SHOP_DATA_DIR", "/repo/.local",
                "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                "SPRING_DATA_REDIS_PORT", "40000",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "SHOP_IDENTITY_SIGNING_KEY", "key"));
    }

    @Test
    void writesASingleNodeKraftBrokerConfig() {
        String properties = Kafka.serverProperties(context, Path.of("/repo/.local/kafka/data"));

        assertThat(properties.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:40001",
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:40001",
                "log.dirs=/repo/.local/kafka/data",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1");
    }

    private static ProcessSpec spec(String name, String... dependsOn) {
        return new ProcessSpec(name, 0, List.of(dependsOn), ctx -> null, ctx -> { }, Duration.ofSeconds(1));
    }
}
