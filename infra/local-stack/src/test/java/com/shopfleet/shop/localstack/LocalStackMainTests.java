package com.shopfleet.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalStackMainTests {

    @Test
    void defaultsToEverythingOnKafka9092AndAFreeRedisPort() {
        LocalStackOptions options = LocalStackMain.parse(List.of());

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.redisPort()).isZero();
        assertThat(options.only()).isEmpty();
        assertThat(options.reset()).isFalse();
        assertThat(options.dataDir()).isNull();
    }

    @Test
    void readsEveryOption() {
        LocalStackOptions options = LocalStackMain.parse(List.of("--no-build", "--reset", "--data-dir", "/tmp/shop",
                "--kafka-port=19092", "--redis-port", "16379", "--only", "order-service, gateway", "--timeout", "90",
                "--jvm-opts", "-Xmx300m -XX:+UseSerialGC", "--repo-root", "/src/shop"));

        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/shop"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.redisPort()).isEqualTo(16379);
        assertThat(options.only()).containsExactlyInAnyOrder("order-service", "gateway");
        assertThat(options.serviceTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.serviceJvmOptions()).containsExactly("-Xmx300m", "-XX:+UseSerialGC");
        assertThat(options.repoRoot()).isEqualTo(Path.of("/src/shop"));
    }

    @Test
    void aPortBaseMovesKafkaAlongUnlessItsPortWasGiven() {
        assertThat(LocalStackMain.parse(List.of("--port-base", "8200")))
                .satisfies(o -> assertThat(o.portBase()).isEqualTo(8200))
                .satisfies(o -> assertThat(o.kafkaPort()).isEqualTo(9212));
        assertThat(LocalStackMain.parse(List.of("--kafka-port", "19092", "--port-base=8200")).kafkaPort()).isEqualTo(19092);
        assertThatThrownBy(() -> LocalStackMain.parse(List.of("--port-base", "65534")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port base");
    }

    @Test
    void helpIsNoStart() {
        assertThat(LocalStackMain.parse(List.of("--reset", "--help"))).isNull();
        assertThat(LocalStackMain.USAGE).contains("--reset", "--port-base", "--kafka-port", "--redis-port", "--data-dir", "--no-build", "--only");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> LocalStackMain.parse(List.of("--kafka-prot", "1")))
                .hasMessage("unknown option --kafka-prot");
        assertThatThrownBy(() -> LocalStackMain.parse(List.of("--kafka-port", "70000")))
                .hasMessageContaining("must be a port");
        assertThatThrownBy(() -> LocalStackMain.parse(List.of("--data-dir")))
                .hasMessage("--data-dir needs a value");
    }
}
