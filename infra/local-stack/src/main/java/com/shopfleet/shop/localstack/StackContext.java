package com.shopfleet.shop.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the processes of one run share: resolved folders, ports and secrets. Built by
 * {@link LocalStack#start()} before anything is launched, so every port is known up front.
 */
public final class StackContext {

    private final LocalStackOptions options;
    private final Path repoRoot;
    private final Path dataDir;
    private final Path kafkaLibs;
    private final String javaCommand;
    private final int redisPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final String identitySigningKey;
    private final DemoAccounts demoAccounts;
    private final HelperRunner helperRunner;

    StackContext(LocalStackOptions options, Path repoRoot, Path dataDir, Path kafkaLibs,
            String javaCommand, int redisPort, int kafkaPort, int kafkaControllerPort,
            String identitySigningKey, DemoAccounts demoAccounts, HelperRunner helperRunner) {
        this.options = options;
        this.repoRoot = repoRoot;
        this.dataDir = dataDir;
        this.kafkaLibs = kafkaLibs;
        this.javaCommand = javaCommand;
        this.redisPort = redisPort;
        this.kafkaPort = kafkaPort;
        this.kafkaControllerPort = kafkaControllerPort;
        this.identitySigningKey = identitySigningKey;
        this.demoAccounts = demoAccounts;
        this.helperRunner = helperRunner;
    }

    /**
     * Runs a short-lived helper command (e.g. formatting storage) to completion, its output
     * appended to {@code <logs>/<logName>.log}; stopped if the stack is closed meanwhile.
     *
     * @return its exit code
     */
    public int runToCompletion(String logName, List<String> argv, Duration timeout) throws Exception {
        return helperRunner.run(logName, argv, timeout);
    }

    public LocalStackOptions options() {
        return options;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Absolute. */
    public Path dataDir() {
        return dataDir;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    public Path kafkaLibs() {
        return kafkaLibs;
    }

    /** The {@code java} the launcher itself runs on (21+): every child JVM uses it. */
    public String javaCommand() {
        return javaCommand;
    }

    /** Where {@code service} listens: the options' port base plus its offset. */
    public int port(Fleet.Service service) {
        return service.port(options.portBase());
    }

    public int redisPort() {
        return redisPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Random per start: the gateway signs internal identity tokens with it, services verify. */
    public String identitySigningKey() {
        return identitySigningKey;
    }

    /** The local profile's demo accounts (auth-service creates them). */
    public DemoAccounts demoAccounts() {
        return demoAccounts;
    }

    /** The environment every Spring Boot service gets (plus {@code SERVER_PORT}). */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SHOP_DATA_DIR", dataDir.toString());
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(redisPort));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("SHOP_IDENTITY_SIGNING_KEY", identitySigningKey);
        env.putAll(options.serviceEnvironment());
        return env;
    }

    @FunctionalInterface
    interface HelperRunner {
        int run(String logName, List<String> argv, Duration timeout) throws Exception;
    }
}
