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
 * data, Kafka on a free port) and stopped when the JVM exits. The gateway is at {@link #GATEWAY}.
 */
final class RunningFleet {

    static final String GATEWAY = LocalStack.GATEWAY_URL;

    /**
     * auth-service answers a just-rotated remember-me token alike for this long (parallel requests
     * of one page); shortened here so a test can show that a later reuse is taken for theft.
     */
    static final Duration REMEMBER_ME_ROTATION_GRACE = Duration.ofSeconds(1);

    private static LocalStack stack;

    private RunningFleet() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path dataDir = Files.createTempDirectory("shop-system-tests");
                stack = new LocalStack(LocalStackOptions.defaults()
                        .withDataDir(dataDir)
                        .withKafkaPort(freePort())
                        // every request comes from 127.0.0.1: the gateway's loopback budgets of the
                        // load-test profile keep one client address from starving the others
                        // (the budgets themselves are proven in the gateway's own tests)
                        .withServiceEnvironment(Map.of("SPRING_PROFILES_ACTIVE", "local,loadtest",
                                "SHOP_AUTH_REMEMBERME_ROTATIONGRACE", REMEMBER_ME_ROTATION_GRACE.toSeconds() + "s"))
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
