package com.shopfleet.shop.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to start the local stack. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * var options = LocalStackOptions.defaults().withDataDir(tmp).withOnly(Set.of("order-service"));
 * try (var stack = new LocalStack(options).start()) { ... }
 * }</pre>
 *
 * @param repoRoot          the reactor root; {@code null}: found from where this class was loaded, else the working directory
 * @param dataDir           where H2 files, Redis AOF, Kafka logs and process logs live; {@code null}: {@code <repo>/.local}
 * @param kafkaPort         the broker's (fixed) port
 * @param redisPort         Redis' port; 0: a free one
 * @param portBase          the gateway's port; the services listen on the next five (auth +1, catalog +2,
 *                          order +3, event +4, notification +5), so several stacks can run side by side
 * @param only              start only these processes and what they depend on; empty: everything
 * @param reset             wipe the data folder first
 * @param kafkaLibs         the broker's jars; {@code null}: {@code <repo>/infra/local-stack/target/kafka-libs}
 * @param serviceTimeout    how long a Spring Boot service may take from launch to ready
 * @param serviceJvmOptions JVM flags for each Spring Boot service
 * @param kafkaJvmOptions   JVM flags for the broker
 * @param progress          receives one line per step (starting, ready, stopping…)
 * @param serviceEnvironment extra environment for every Spring Boot service (e.g. a profile or a setting
 *                          a test needs); it wins over the stack's own
 */
public record LocalStackOptions(
        Path repoRoot,
        Path dataDir,
        int kafkaPort,
        int redisPort,
        int portBase,
        Set<String> only,
        boolean reset,
        Path kafkaLibs,
        Duration serviceTimeout,
        List<String> serviceJvmOptions,
        List<String> kafkaJvmOptions,
        Consumer<String> progress,
        Map<String, String> serviceEnvironment) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_PORT_BASE = 8080;
    public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofMinutes(4);

    /**
     * Small-VM flags (2 cores, a few GB), measured: C1 only starts a service in about half the
     * time of full tiered compilation; RSS is ~230 MB with -Xmx256m and no lower with -Xmx128m
     * (it is mostly metaspace and code), while heap sizing from RAM gave ~310 MB. Netty (gateway)
     * needs native access on JDK 24+.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");

    /** 128m runs out of heap while the broker loads its logs; 256m is plenty locally. */
    public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx256m");

    public LocalStackOptions {
        only = Set.copyOf(only);
        serviceEnvironment = serviceEnvironment == null ? Map.of() : Map.copyOf(serviceEnvironment);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        if (kafkaPort <= 0 || kafkaPort > 65535) {
            throw new IllegalArgumentException("kafka port must be 1..65535, was " + kafkaPort);
        }
        if (redisPort < 0 || redisPort > 65535) {
            throw new IllegalArgumentException("redis port must be 0..65535 (0 = a free one), was " + redisPort);
        }
        if (portBase <= 0 || portBase > 65535 - 1012) {
            throw new IllegalArgumentException("port base must be 1..64523, was " + portBase);
        }
        if (progress == null) {
            progress = line -> { };
        }
    }

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(null, null, DEFAULT_KAFKA_PORT, 0, DEFAULT_PORT_BASE, Set.of(), false, null,
                DEFAULT_SERVICE_TIMEOUT, DEFAULT_SERVICE_JVM_OPTIONS, DEFAULT_KAFKA_JVM_OPTIONS,
                LocalStack.LOG::info,
                Map.of());
    }

    public LocalStackOptions withRepoRoot(Path value) {
        return new LocalStackOptions(value, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withDataDir(Path value) {
        return new LocalStackOptions(repoRoot, value, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withKafkaPort(int value) {
        return new LocalStackOptions(repoRoot, dataDir, value, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    /**
     * The gateway on {@code value}, the services on the next five ports; Kafka moves along
     * ({@code value + 1012}, 9092 for 8080) unless its port was set explicitly.
     */
    public LocalStackOptions withPortBase(int value) {
        if (value <= 0 || value > 65535 - 1012) {
            throw new IllegalArgumentException("port base must be 1..64523, was " + value);
        }
        int kafka = kafkaPort == DEFAULT_KAFKA_PORT ? value + (DEFAULT_KAFKA_PORT - DEFAULT_PORT_BASE) : kafkaPort;
        return new LocalStackOptions(repoRoot, dataDir, kafka, redisPort, value, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withRedisPort(int value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, value, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    /** Start only these processes (e.g. {@code "redis"}, {@code "order-service"}) and their dependencies. */
    public LocalStackOptions withOnly(Collection<String> value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, new LinkedHashSet<>(value),
                reset, kafkaLibs, serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withReset(boolean value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, value, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withKafkaLibs(Path value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, value,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withServiceTimeout(Duration value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                value, serviceJvmOptions, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withServiceJvmOptions(List<String> value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, value, kafkaJvmOptions, progress, serviceEnvironment);
    }

    public LocalStackOptions withKafkaJvmOptions(List<String> value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, value, progress, serviceEnvironment);
    }

    public LocalStackOptions withServiceEnvironment(Map<String, String> value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, progress, value);
    }

    public LocalStackOptions withProgress(Consumer<String> value) {
        return new LocalStackOptions(repoRoot, dataDir, kafkaPort, redisPort, portBase, only, reset, kafkaLibs,
                serviceTimeout, serviceJvmOptions, kafkaJvmOptions, value, serviceEnvironment);
    }
}
