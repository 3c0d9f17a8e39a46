package com.shopfleet.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * The whole fleet, started once per test JVM from the services' jars by the local stack (fresh
 * data, Kafka on a free port) and stopped when the JVM exits. The gateway is at {@link #GATEWAY}.
 */
final class RunningFleet {

    static final String GATEWAY = LocalStack.GATEWAY_URL;

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
