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
              --port-base N           with --start-stack: gateway N, auth N+1, order N+3, event N+4, Kafka N+1012
                                      (the local stack's layout; default: free ports)
              --through-gateway       with --start-stack: also auth-service (profile loadtest: --users accounts
                                      seeded) and the gateway; the paced run goes through the gateway with users
                                      logged in by encrypted login before the measured window (see README)
              --jars DIR              take <module>.jar from DIR where it is there (a known-good build while others
                                      rebuild the shared tree), else <module>/target/<module>.jar
              --user-password P       with --gateway: the users loadtest-<n>@loadtest.local exist with password P
                                      (auth's loadtest profile); without it they sign up first
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

            checkout    the checkout benchmark through a running fleet's gateway (issue: Orders)
              --gateway URL           the gateway (default http://localhost:8080)
              --kafka HOST:PORT       its broker: the saga's answers on shop.order.order (default localhost:9092)
              --data-dir DIR          the local stack's data folder: the demo staff account creates the products
              --staff EMAIL:PASSWORD  or the staff account itself
              --buyers N              concurrent buyers, each ordering back to back (default 50)
              --products N            products created for the run, stock 1,000,000 each (default 20)
              --duration SECONDS      measured window (default 30)
              --warmup SECONDS        unmeasured window first (default 10)

            aof         what appendfsync costs the admission script (redis-server from embedded-redis)
              --entries N             entries per mode (default 200000)
              --concurrency N         calls in flight on the one connection (default 64)
              --modes LIST            default always,everysec,off
              --dir DIR               where the AOF files go (default: a temp folder; use a real disk)

            catalog     detail/listing cached+uncached and keyword search through the gateway, one table (README)
              --start-stack --port-base 8400 --data-dir DIR --gateway URL --redis redis://H:P --products 100000 --threads 4 --duration 10 --warmup 5
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
        if (options.containsKey("jars")) {
            System.setProperty("loadtest.jars", options.get("jars"));
        }
        switch (args[0]) {
            case "fcfs" -> fcfs(options, out);
            case "aof" -> aof(options, out);
            case "catalog" -> CatalogBenchmark.fromOptions(options, out).run();
            case "checkout" -> CheckoutLoad.run(options, out);
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
        List<ServiceProcess> started = new ArrayList<>();
        try {
            URI gateway = options.containsKey("gateway") ? URI.create(options.get("gateway")) : null;
            URI eventService = URI.create(options.getOrDefault("event-service", "http://127.0.0.1:8084"));
            String signingKey = options.getOrDefault("signing-key", System.getenv("SHOP_IDENTITY_SIGNING_KEY"));
            String kafka = options.get("kafka");
            String userPassword = options.get("user-password");
            int users = integer(options, "users", 10_000);
            Integer portBase = options.containsKey("port-base") ? integer(options, "port-base", 0) : null;
            if (options.containsKey("start-stack")) {
                Path data = Files.createTempDirectory("shop-loadtest");
                stack = startStack(data, portBase, out);
                signingKey = randomKey();
                kafka = stack.kafkaBootstrapServers();
                // a generous connect timeout: on a machine shared with other builds a start-up can stall for
                // seconds, and a failed start costs a whole run (command timeouts stay each service's own)
                Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "local", "SHOP_DATA_DIR", data.toString(),
                        "SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", Integer.toString(stack.redisPort()),
                        "SPRING_DATA_REDIS_CONNECT_TIMEOUT", "10s",
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka, "SHOP_IDENTITY_SIGNING_KEY", signingKey);
                service = ServiceProcess.launch("event-service", repoRoot(), data,
                        serviceJvmOptions(options.get("service-jvm-opts")), env, port(portBase, 4), out);
                started.add(service);
                if (!options.containsKey("no-points")) {
                    // credits the PrizeWon events; small-VM flags, it is not what is measured
                    Map<String, String> ordersEnv = new java.util.HashMap<>(env);
                    ordersEnv.put("SPRING_DATA_REDIS_TIMEOUT", "10s"); // not measured: let it start on a busy machine
                    orders = ServiceProcess.launch("order-service", repoRoot(), data, LocalStackOptions.DEFAULT_SERVICE_JVM_OPTIONS,
                            ordersEnv, port(portBase, 3), out);
                    started.add(orders);
                }
                if (options.containsKey("through-gateway")) {
                    // profile loadtest: the users are seeded with one Argon2id hash of a password made here,
                    // and auth listens on loopback only; C2: each login still checks that hash
                    userPassword = "Load-" + randomKey().substring(0, 16) + "!7";
                    Map<String, String> authEnv = new java.util.HashMap<>(env);
                    authEnv.put("SPRING_PROFILES_ACTIVE", "local,loadtest");
                    authEnv.put("SPRING_DATA_REDIS_TIMEOUT", "10s"); // not measured: let it start on a busy machine
                    authEnv.put("SHOP_AUTH_LOADTEST_USERS", Integer.toString(users));
                    authEnv.put("SHOP_AUTH_LOADTEST_PASSWORD", userPassword);
                    auth = ServiceProcess.launch("auth-service", repoRoot(), data, serviceJvmOptions(null), authEnv,
                            port(portBase, 1), out);
                    started.add(auth);
                }
                service.awaitReady(Duration.ofMinutes(10));
                if (orders != null) {
                    orders.awaitReady(Duration.ofMinutes(10));
                }
                eventService = service.uri();
                if (auth != null) {
                    auth.awaitReady(Duration.ofMinutes(10));
                    Map<String, String> gatewayEnv = new java.util.HashMap<>(env);
                    gatewayEnv.put("SHOP_GATEWAY_AUTH_URI", auth.uri().toString());
                    gatewayEnv.put("SHOP_GATEWAY_EVENT_URI", eventService.toString());
                    if (orders != null) {
                        gatewayEnv.put("SHOP_GATEWAY_ORDER_URI", orders.uri().toString());
                    }
                    // profile loadtest: loopback only, login budgets no generator reaches; the entry budget
                    // is set to the scenario's 10 requests/s per user below (gatewayJvmOptions)
                    gatewayEnv.put("SPRING_PROFILES_ACTIVE", "loadtest");
                    gatewayProcess = ServiceProcess.launch("gateway", repoRoot(), data,
                            gatewayJvmOptions(options.get("gateway-jvm-opts")), gatewayEnv, port(portBase, 0), out);
                    started.add(gatewayProcess);
                    gatewayProcess.awaitReady(Duration.ofMinutes(10));
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
            LocalStack fleetStack = stack;
            FleetMemory memory = new FleetMemory(() -> {
                java.util.Set<Long> pids = new java.util.LinkedHashSet<>();
                if (fleetStack != null) {
                    pids.addAll(fleetStack.processTreePids());
                }
                started.forEach(process -> pids.addAll(process.pids()));
                return pids;
            });
            new FcfsScenario(new FcfsScenario.Options(eventService, gateway, orderService, signingKey, kafka,
                    userPassword, memory, users,
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
    private static LocalStack startStack(Path data, Integer portBase, PrintStream out) throws Exception {
        LocalStackOptions options = LocalStackOptions.defaults();
        options = portBase != null ? options.withPortBase(portBase) : options.withKafkaPort(freePort());
        return new LocalStack(options
                .withRepoRoot(repoRoot())
                .withDataDir(data)
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
     * The gateway under test: the service flags (its profile {@code loadtest} lifts the login and
     * signup budgets on loopback), and the per-user entry budget at the scenario's 10 requests a
     * second (burst 20) — a real limit, not the profile's unreachable one.
     */
    static List<String> gatewayJvmOptions(String extra) {
        List<String> jvm = serviceJvmOptions(extra);
        jvm.add("-Dshop.gateway.rate-limit.groups.event-entry.replenish-rate=10");
        jvm.add("-Dshop.gateway.rate-limit.groups.event-entry.burst-capacity=20");
        return jvm;
    }

    static String randomKey() {
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

    /** The local stack's layout from a port base (gateway +0, auth +1, order +3, event +4), else a free port. */
    private static int port(Integer portBase, int offset) throws Exception {
        return portBase != null ? portBase + offset : freePort();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
