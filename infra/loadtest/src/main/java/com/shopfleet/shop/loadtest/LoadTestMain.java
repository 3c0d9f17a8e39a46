package com.shopfleet.shop.loadtest;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * {@code java -jar infra/loadtest/target/loadtest.jar <command> [options]} — see infra/loadtest/README.md.
 */
public final class LoadTestMain {

    static final String USAGE = """
            Usage: java -jar infra/loadtest/target/loadtest.jar COMMAND [options]

            fcfs        the FCFS stampede: paced (the old system's scenario) and unpaced, then the checks
              --start-stack           start Redis and Kafka with the local stack (fresh data) and event-service
                                      beside them on a free port with its own signing key (throughput JVM flags)
              --event-service URL     the event service (default http://127.0.0.1:8084)
              --signing-key KEY       the gateway's identity signing key (default $SHOP_IDENTITY_SIGNING_KEY)
              --service-jvm-opts "F"  extra JVM flags for event-service with --start-stack (e.g. a JFR recording)
              --kafka HOST:PORT       the broker, to count PrizeWon events (optional without --start-stack)
              --order-service URL     order-service, to count the points credited (--start-stack starts one)
              --no-points             --start-stack without order-service (no points check)
              --through-gateway       with --start-stack: also auth-service and the gateway; the paced run goes
                                      through the gateway with signed-up, logged-in users (see README)
              --gateway URL           a running gateway for the paced run (users must be able to sign up)
              --gateway-jvm-opts "F"  extra JVM flags for the gateway with --through-gateway
              --users N               user ids drawn from N users (default 10000)
              --vus N                 virtual users, one keep-alive connection each (default 500)
              --duration SECONDS      measured window per run (default 30)
              --pause MILLIS          pause between a user's requests in the paced run (default 100)
              --prizes N              prizes per event (default 1000)
              --prize-points N        points per prize (default 10000)
              --warmup SECONDS        unpaced warm-up on a separate event first (default 20; 0: none)
              --only paced|unpaced    run one of the two

            aof         what appendfsync costs the admission script (redis-server from embedded-redis)
              --entries N             entries per mode (default 200000)
              --concurrency N         calls in flight on the one connection (default 64)
              --modes LIST            default always,everysec,off
              --dir DIR               where the AOF files go (default: a temp folder; use a real disk)
            """;

    private LoadTestMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(USAGE);
            return;
        }
        Map<String, String> options = parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "fcfs" -> fcfs(options, out);
            case "aof" -> aof(options, out);
            default -> {
                System.err.println("Unknown command " + args[0]);
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void fcfs(Map<String, String> options, PrintStream out) throws Exception {
        LocalStack stack = null;
        ServiceProcess service = null;
        ServiceProcess orders = null;
        ServiceProcess auth = null;
        ServiceProcess gatewayProcess = null;
        try {
            URI gateway = options.containsKey("gateway") ? URI.create(options.get("gateway")) : null;
            URI eventService = URI.create(options.getOrDefault("event-service", "http://127.0.0.1:8084"));
            String signingKey = options.getOrDefault("signing-key", System.getenv("SHOP_IDENTITY_SIGNING_KEY"));
            String kafka = options.get("kafka");
            if (options.containsKey("start-stack")) {
                Path data = Files.createTempDirectory("shop-loadtest");
                stack = startStack(data, out);
                signingKey = randomKey();
                kafka = stack.kafkaBootstrapServers();
                Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "local", "SHOP_DATA_DIR", data.toString(),
                        "SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", Integer.toString(stack.redisPort()),
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka, "SHOP_IDENTITY_SIGNING_KEY", signingKey);
                service = ServiceProcess.launch("event-service", repoRoot(), data,
                        serviceJvmOptions(options.get("service-jvm-opts")), env, freePort(), out);
                if (!options.containsKey("no-points")) {
                    // credits the PrizeWon events; small-VM flags, it is not what is measured
                    orders = ServiceProcess.launch("order-service", repoRoot(), data, LocalStackOptions.DEFAULT_SERVICE_JVM_OPTIONS,
                            env, freePort(), out);
                }
                if (options.containsKey("through-gateway")) {
                    // C2: preparing the users is password hashing (Argon2id), C1 makes it crawl
                    auth = ServiceProcess.launch("auth-service", repoRoot(), data, serviceJvmOptions(null), env,
                            freePort(), out);
                }
                service.awaitReady(Duration.ofMinutes(4));
                if (orders != null) {
                    orders.awaitReady(Duration.ofMinutes(4));
                }
                eventService = service.uri();
                if (auth != null) {
                    auth.awaitReady(Duration.ofMinutes(4));
                    Map<String, String> gatewayEnv = new java.util.HashMap<>(env);
                    gatewayEnv.put("SHOP_GATEWAY_AUTH_URI", auth.uri().toString());
                    gatewayEnv.put("SHOP_GATEWAY_EVENT_URI", eventService.toString());
                    if (orders != null) {
                        gatewayEnv.put("SHOP_GATEWAY_ORDER_URI", orders.uri().toString());
                    }
                    gatewayProcess = ServiceProcess.launch("gateway", repoRoot(), data,
                            gatewayJvmOptions(options.get("gateway-jvm-opts")), gatewayEnv, freePort(), out);
                    gatewayProcess.awaitReady(Duration.ofMinutes(4));
                    gateway = gatewayProcess.uri();
                }
            }
            URI orderService = orders != null ? orders.uri()
                    : options.containsKey("order-service") ? URI.create(options.get("order-service")) : null;
            if (signingKey == null || signingKey.isBlank()) {
                throw new IllegalArgumentException("Direct mode needs the gateway's signing key: --signing-key, "
                        + "$SHOP_IDENTITY_SIGNING_KEY, or --start-stack");
            }
            String only = options.get("only");
            new FcfsScenario(new FcfsScenario.Options(eventService, gateway, orderService, signingKey, kafka,
                    integer(options, "users", 10_000),
                    integer(options, "vus", 500), Duration.ofSeconds(integer(options, "duration", 30)),
                    Duration.ofMillis(integer(options, "pause", 100)), integer(options, "prizes", 1_000),
                    integer(options, "prize-points", 10_000), Duration.ofSeconds(integer(options, "warmup", 20)),
                    only == null || only.equals("paced"), only == null || only.equals("unpaced")), out).run();
        }
        finally {
            if (gatewayProcess != null) {
                gatewayProcess.close();
            }
            if (auth != null) {
                auth.close();
            }
            if (orders != null) {
                orders.close();
            }
            if (service != null) {
                service.close();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }

    /**
     * Redis (AOF everysec) and Kafka from the local stack, on a fresh data folder. The event service
     * itself runs beside them on a free port ({@link EventServiceProcess}).
     */
    private static LocalStack startStack(Path data, PrintStream out) throws Exception {
        return new LocalStack(LocalStackOptions.defaults()
                .withRepoRoot(repoRoot())
                .withDataDir(data)
                .withKafkaPort(freePort())
                .withOnly(List.of("redis", "kafka"))
                .withProgress(line -> out.println("[local-stack] " + line))).start();
    }

    /**
     * Throughput JVM flags instead of the local stack's small-VM ones (C1 only, 256 MB, serial GC).
     * Measured here: C2; a 600 MB young generation (a stampede allocates fast, mostly garbage);
     * MetaspaceSize 256 MB (without it, full GCs of 150–350 ms fired on "Metadata GC Threshold"
     * during the runs).
     */
    static List<String> serviceJvmOptions(String extra) {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmx1g", "-Xmn600m",
                "-XX:MetaspaceSize=256m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED"));
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        return jvm;
    }

    /**
     * The gateway under test: the service flags, plus the load-test budgets (loopback only, this
     * process's own gateway): sign-up and login unthrottled so the users can be prepared, and the
     * per-user entry budget at the scenario's 10 requests a second (burst 20).
     */
    static List<String> gatewayJvmOptions(String extra) {
        List<String> jvm = serviceJvmOptions(extra);
        for (String group : List.of("login", "signup")) {
            jvm.add("-Dshop.gateway.rate-limit.groups." + group + ".replenish-rate=100000");
            jvm.add("-Dshop.gateway.rate-limit.groups." + group + ".burst-capacity=100000");
            jvm.add("-Dshop.gateway.rate-limit.groups." + group + ".requested-tokens=1");
        }
        jvm.add("-Dshop.gateway.rate-limit.groups.event-entry.replenish-rate=10");
        jvm.add("-Dshop.gateway.rate-limit.groups.event-entry.burst-capacity=20");
        return jvm;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static void aof(Map<String, String> options, PrintStream out) throws Exception {
        Path root = repoRoot();
        Path lua = root.resolve("event-service/src/main/resources/lua");
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("shop-aof");
        new AofBenchmark(new AofBenchmark.Options(lua.resolve("enter.lua"), lua.resolve("load.lua"),
                integer(options, "entries", 200_000), integer(options, "concurrency", 64),
                List.of(options.getOrDefault("modes", "always,everysec,off").split(",")), dir), out).run();
    }

    /** The repository: upwards from the working directory, else from this jar. */
    static Path repoRoot() throws Exception {
        for (Path start : List.of(Path.of("").toAbsolutePath(),
                Path.of(LoadTestMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("event-service/src/main/resources/lua/enter.lua"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("Run from inside the repository (event-service/src/main/resources/lua not found)");
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            }
            else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            }
            else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
