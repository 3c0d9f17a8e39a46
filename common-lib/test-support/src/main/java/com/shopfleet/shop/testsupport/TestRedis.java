package com.shopfleet.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

import redis.embedded.RedisServer;

/**
 * A real redis-server for tests (the binary shipped in embedded-redis), started once per test JVM
 * on a free port and stopped when the JVM exits. In a test class:
 * <pre>{@code
 * @DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) { TestRedis.register(registry); }
 * }</pre>
 */
public final class TestRedis {

    private static RedisServer server;
    private static int port;

    private TestRedis() {
    }

    public static synchronized int port() {
        if (server == null) {
            port = freePort();
            try {
                server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot start the test redis-server", ex);
            }
            RedisServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                }
                catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return port;
    }

    /** Points Spring Data Redis at the test server. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", TestRedis::port);
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
