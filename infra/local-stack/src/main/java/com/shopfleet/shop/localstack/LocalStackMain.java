package com.shopfleet.shop.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * {@code infra/local-stack/run [options]}: starts the local stack, prints where to find it
 * and keeps it running until Ctrl-C, which stops everything it started.
 */
public final class LocalStackMain {

    static final String USAGE = """
            Usage: infra/local-stack/run [options]

            Starts the shop fleet on this machine: a real Redis (embedded-redis' redis-server),
            a single-node KRaft Kafka from Apache Kafka's jars, then every service (profile
            "local", H2 files in MySQL mode) once what it needs is ready, the gateway last.
            Ctrl-C stops everything it started. Data is kept across restarts.

            Options:
              --no-build            do not run ./mvnw install first (handled by the run script)
              --reset               wipe the data folder before starting
              --data-dir DIR        data folder (default: <repo>/.local; logs in DIR/logs)
              --port-base PORT      the gateway's port (default 8080); the services use the next
                                    five (auth, catalog, order, event, notification) and Kafka
                                    PORT+1012, so two stacks can run side by side
              --kafka-port PORT     Kafka's port (default 9092, or PORT+1012 with --port-base)
              --redis-port PORT     Redis' port (default: a free one)
              --only NAME[,NAME]    start only these processes and what they need, e.g.
                                    --only redis,kafka   or   --only order-service
                                    (names: redis, kafka, auth-service, catalog-service,
                                    order-service, event-service, notification-worker, gateway)
              --timeout SECONDS     how long each service may take to become ready (default 240)
              --jvm-opts "FLAGS"    JVM flags for each service, default:
                                    %s
              --repo-root DIR       the repository (default: found from the launcher's location)
              -h, --help            this text
            """.formatted(String.join(" ", LocalStackOptions.DEFAULT_SERVICE_JVM_OPTIONS));

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the console's format and levels: simplelogger.properties (the Kafka client's INFO is muted)
        Logger console = LocalStack.LOG;
        LocalStackOptions options;
        try {
            options = parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            console.error("error: {}\n\n{}", e.getMessage(), USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            console.info(USAGE);
            return;
        }
        options = options.withProgress(console::info);

        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stack.isClosed()) {
                interrupted.set(true);
                console.info("Stopping the local stack…");
                stack.close();
                console.info("Stopped everything.");
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (interrupted.get()) {
                stopped.await(); // Ctrl-C while starting: the hook stops what was started
                return;
            }
            console.error("error: {}", e.getMessage());
            System.exit(1);
            return;
        }
        console.info("{}\nPress Ctrl-C to stop everything.", stack.summary());
        stopped.await();
    }

    /** @return the options, or {@code null} when help was asked for */
    static LocalStackOptions parse(List<String> args) {
        LocalStackOptions options = LocalStackOptions.defaults();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-build" -> {
                    // the run script acts on it
                }
                case "--reset" -> options = options.withReset(true);
                case "--data-dir" -> options = options.withDataDir(Path.of(value(arg, value, rest)));
                case "--repo-root" -> options = options.withRepoRoot(Path.of(value(arg, value, rest)));
                case "--port-base" -> options = options.withPortBase(port(arg, value(arg, value, rest)));
                case "--kafka-port" -> options = options.withKafkaPort(port(arg, value(arg, value, rest)));
                case "--redis-port" -> options = options.withRedisPort(port(arg, value(arg, value, rest)));
                case "--only" -> options = options.withOnly(Arrays.stream(value(arg, value, rest).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
                case "--timeout" -> options = options.withServiceTimeout(
                        Duration.ofSeconds(positive(arg, value(arg, value, rest))));
                case "--jvm-opts" -> options = options.withServiceJvmOptions(
                        Arrays.stream(value(arg, value, rest).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static String value(String option, String inline, List<String> rest) {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int port(String option, String value) {
        int port = positive(option, value);
        if (port > 65535) {
            throw new IllegalArgumentException(option + " must be a port (1..65535), was " + value);
        }
        return port;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive number, was " + value);
        }
    }
}
