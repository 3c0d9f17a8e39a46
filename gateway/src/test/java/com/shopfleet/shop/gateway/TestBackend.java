package com.shopfleet.shop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one service of the fleet: a real HTTP server on a fixed free port that echoes what
 * it received as JSON, serves an OpenAPI document at {@code /v3/api-docs}, and can be told to hang,
 * to fail the next request with 503, or be stopped (connection refused) and started again on the
 * same port. Like a servlet container it normalizes the path, so a request that slipped a
 * {@code ..} past the gateway would reach its {@code /actuator} — counted in {@link #actuatorHits()}.
 * A test may give a path its own answer ({@link #on(String, Function)}), e.g. auth-service's
 * remember-me exchange.
 */
final class TestBackend {

    enum Mode { ECHO, HANG, FAIL_NEXT_WITH_500, FAIL_NEXT_WITH_503 }

    record Received(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A scripted answer: a status and a body written as JSON. */
    record Reply(int status, Object body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger actuatorHits = new AtomicInteger();
    private final Map<String, Function<Received, Reply>> handlers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Mode mode = Mode.ECHO;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private TestBackend(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static TestBackend start(String name) {
        TestBackend backend = new TestBackend(name, freePort());
        backend.start();
        return backend;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String name() {
        return name;
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening: from now on a connection to the port is refused. */
    synchronized void stop() {
        if (server != null) {
            release.countDown();
            server.stop(0);
            server = null;
        }
    }

    void mode(Mode mode) {
        if (mode != Mode.HANG) {
            release.countDown();
        }
        else {
            release = new CountDownLatch(1);
        }
        this.mode = mode;
    }

    /** Back to a healthy, echoing, listening service that has seen nothing yet. */
    void reset() {
        mode(Mode.ECHO);
        start();
        received.clear();
        actuatorHits.set(0);
        handlers.clear();
    }

    /** Answers requests to exactly {@code path} with what {@code handler} returns (in echo mode). */
    void on(String path, Function<Received, Reply> handler) {
        handlers.put(path, handler);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int actuatorHits() {
        return actuatorHits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
            received.add(request);

            String normalized = URI.create(uri.getRawPath().replace(";", "")).normalize().getPath();
            if (normalized.startsWith("/actuator")) {
                actuatorHits.incrementAndGet();
                respond(exchange, 200, Map.of("status", "UP", "from", name));
                return;
            }
            switch (mode) {
                case HANG -> {
                    awaitRelease();
                    return;
                }
                case FAIL_NEXT_WITH_500, FAIL_NEXT_WITH_503 -> {
                    int status = mode == Mode.FAIL_NEXT_WITH_500 ? 500 : 503;
                    mode = Mode.ECHO;
                    respond(exchange, status, Map.of("service", name, "failing", true));
                    return;
                }
                case ECHO -> {
                    // below
                }
            }
            Function<Received, Reply> handler = handlers.get(uri.getRawPath());
            if (handler != null) {
                Reply reply = handler.apply(request);
                respond(exchange, reply.status(), reply.body());
                return;
            }
            if (uri.getRawPath().equals("/v3/api-docs")) {
                respond(exchange, 200, Map.of("openapi", "3.1.0", "info", Map.of("title", name + "-service", "version", "v1"),
                        "servers", List.of(Map.of("url", uri(), "description", "Generated server url")),
                        "paths", Map.of()));
                return;
            }
            respond(exchange, 200, Map.of("service", name, "method", request.method(), "path", request.rawPath(),
                    "query", String.valueOf(request.rawQuery()), "headers", headers, "body", body));
        }
    }

    private void awaitRelease() {
        try {
            release.await(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }
}
