package com.shopfleet.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * The whole fleet, started once per test JVM from the services' jars by the local stack (fresh
 * data, Kafka on a free port) and stopped when the JVM exits. The gateway is at {@link #GATEWAY}
 * ({@code -Dshop.port-base}, default 8080).
 */
final class RunningFleet {

    /**
     * The gateway's port; the services use the next five. {@code -Dshop.port-base=8200} lets this
     * fleet run beside another stack on the same machine.
     */
    static final int PORT_BASE = Integer.getInteger("shop.port-base", LocalStackOptions.DEFAULT_PORT_BASE);

    static final String GATEWAY = "http://localhost:" + PORT_BASE;

    /**
     * auth-service answers a just-rotated remember-me token alike for this long (parallel requests
     * of one page); shortened here so a test can show that a later reuse is taken for theft.
     */
    static final Duration REMEMBER_ME_ROTATION_GRACE = Duration.ofSeconds(1);

    /**
     * order-service cancels a confirmed bank-transfer order not paid within this long (48 h in
     * production), looking every {@link #PAYMENT_SWEEP_INTERVAL}: short, so a test can see it happen.
     */
    static final Duration BANK_TRANSFER_DEADLINE = Duration.ofSeconds(20);
    static final Duration PAYMENT_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private static LocalStack stack;

    private RunningFleet() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path dataDir = Files.createTempDirectory("shop-system-tests");
                LocalStackOptions options = LocalStackOptions.defaults();
                if (System.getProperty("shop.repo-root") != null) {
                    // -Dshop.repo-root: the services' jars from a copy of the repository's target folders,
                    // which parallel builds in the working tree cannot rewrite under the running fleet
                    options = options.withRepoRoot(Path.of(System.getProperty("shop.repo-root")));
                }
                stack = new LocalStack(options
                        .withDataDir(dataDir)
                        .withPortBase(PORT_BASE)
                        .withKafkaPort(freePort())
                        // every request comes from 127.0.0.1: the gateway's loopback budgets of the
                        // load-test profile keep one client address from starving the others
                        // (the budgets themselves are proven in the gateway's own tests)
                        .withServiceEnvironment(Map.of("SPRING_PROFILES_ACTIVE", "local,loadtest",
                                "SHOP_AUTH_REMEMBERME_ROTATIONGRACE", REMEMBER_ME_ROTATION_GRACE.toSeconds() + "s",
                                "SHOP_ORDER_BANK_TRANSFER_DEADLINE", BANK_TRANSFER_DEADLINE.toSeconds() + "s",
                                "SHOP_ORDER_PAYMENT_SWEEPINTERVAL", PAYMENT_SWEEP_INTERVAL.toSeconds() + "s",
                                // auth's loadtest profile seeds load-test accounts unless told none
                                "SHOP_AUTH_LOADTEST_USERS", "0"))
                        .withProgress(line -> System.err.println("[fleet] " + line)))
                        .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fleet-stop"));
        }
        return stack;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
