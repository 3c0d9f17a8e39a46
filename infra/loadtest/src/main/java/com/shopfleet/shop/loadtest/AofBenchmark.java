package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import redis.embedded.RedisServer;

/**
 * What Redis' append-only-file setting costs the admission script: a real redis-server (the
 * binary in embedded-redis, as in the local stack) with {@code appendfsync always}, {@code
 * everysec} and without AOF, the event service's own {@code enter.lua} run for distinct users
 * (every call a winner: DECR, HSET, XADD) over one connection with {@code concurrency} calls in
 * flight, as the service's shared Lettuce connection does.
 */
final class AofBenchmark {

    record Options(Path enterScript, Path loadScript, int entries, int concurrency, List<String> modes, Path dir) {
    }

    private final Options options;
    private final PrintStream out;

    AofBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        String enter = Files.readString(options.enterScript(), StandardCharsets.UTF_8);
        String load = Files.readString(options.loadScript(), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "appendfsync", "entries", "entries/s", "p50 ms", "p99 ms", "max ms", "AOF bytes" });
        for (String mode : options.modes()) {
            rows.add(measure(mode, enter, load));
        }
        out.println();
        for (String[] row : rows) {
            out.printf("%-10s %9s %10s %8s %8s %8s %12s%n", (Object[]) row);
        }
    }

    private String[] measure(String mode, String enter, String load) throws Exception {
        Path dir = Files.createDirectories(options.dir().resolve("aof-" + mode + "-" + System.nanoTime()));
        int port = freePort();
        redis.embedded.core.RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("dir " + dir.toAbsolutePath());
        builder = mode.equals("off") ? builder.setting("appendonly no")
                : builder.setting("appendonly yes").setting("appendfsync " + mode);
        RedisServer server = builder.build();
        server.start();
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisAsyncCommands<String, String> redis = connection.async();
            String[] keys = { "shop:event:{1}:meta", "shop:event:{1}:remaining", "shop:event:{1}:entrants",
                    "shop:event:{1}:stream" };
            long now = System.currentTimeMillis();
            redis.eval(load, ScriptOutputType.INTEGER, keys, Long.toString(now - 1_000),
                    Long.toString(now + 3_600_000), "0", Integer.toString(options.entries() + 1), "10000", "winners", "0")
                    .get();
            String sha = redis.scriptLoad(enter).get();
            out.printf("appendfsync %s: %,d entries, %d in flight…%n", mode, options.entries(), options.concurrency());
            Latencies latencies = new Latencies();
            Semaphore inFlight = new Semaphore(options.concurrency());
            List<CompletableFuture<?>> calls = new ArrayList<>(options.entries());
            long start = System.nanoTime();
            for (int i = 0; i < options.entries(); i++) {
                inFlight.acquire();
                long sent = System.nanoTime();
                CompletableFuture<?> call = redis.evalsha(sha, ScriptOutputType.MULTI, keys, Integer.toString(i + 1))
                        .toCompletableFuture().whenComplete((reply, failure) -> {
                            synchronized (latencies) {
                                latencies.record((System.nanoTime() - sent) / 1_000);
                            }
                            inFlight.release();
                        });
                calls.add(call);
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            Long remaining = Long.parseLong(redis.get(keys[1]).get());
            if (remaining != 1) {
                throw new IllegalStateException("expected every entry to win, remaining " + remaining);
            }
            Latencies sorted = Latencies.merge(List.of(latencies));
            long aofBytes = aofSize(dir);
            return new String[] { mode, String.format("%,d", options.entries()), String.format("%,.0f",
                    options.entries() / seconds), ms(sorted.percentile(50)), ms(sorted.percentile(99)), ms(sorted.max()),
                    mode.equals("off") ? "-" : String.format("%,d", aofBytes) };
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            server.stop();
            deleteTree(dir);
        }
    }

    private static long aofSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().contains("aof"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String ms(long micros) {
        return String.format("%.2f", micros / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
