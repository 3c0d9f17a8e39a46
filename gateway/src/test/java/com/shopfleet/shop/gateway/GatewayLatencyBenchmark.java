package com.shopfleet.shop.gateway;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * What the gateway adds to a request: the same GET sent straight to a backend and through the
 * gateway (anonymous on a public path; signed in, i.e. session read and slid in Redis, rate-limit
 * bucket, access check, identity token minted), one request at a time over a kept-alive
 * connection, after a warm-up. Not a test: run it with {@code gateway/latency-benchmark.sh}
 * (arguments: requests per case, default 2000). Prints a table in milliseconds.
 */
public final class GatewayLatencyBenchmark {

    private GatewayLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = Math.max(500, requests / 2);
        TestBackend backend = TestBackend.start("order");
        int redisPort = TestRedis.port();
        String[] arguments = { "--server.port=0", "--spring.data.redis.port=" + redisPort, "--" + TestIdentities.SIGNING_KEY_PROPERTY,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--shop.gateway.services.auth.uri=" + backend.uri(), "--shop.gateway.services.catalog.uri=" + backend.uri(),
                "--shop.gateway.services.order.uri=" + backend.uri(), "--shop.gateway.services.event.uri=" + backend.uri(),
                "--shop.gateway.services.notification.uri=" + backend.uri() };
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("loadtest").run(arguments)) {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            String session = TestSessions.cookie(TestSessions.get().signIn(4242L, Role.USER));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, HttpRequest> cases = new LinkedHashMap<>();
            cases.put("direct to the backend", HttpRequest.newBuilder(URI.create(backend.uri() + "/api/orders/1")).build());
            cases.put("gateway, anonymous, public path", HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/products/1")).header("Cookie", "XSRF-TOKEN=bench").build());
            cases.put("gateway, signed-in session", HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/1"))
                    .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=bench").build());

            Map<String, double[]> results = new LinkedHashMap<>();
            for (var entry : cases.entrySet()) {
                run(http, entry.getValue(), warmup);
            }
            for (int round = 0; round < 2; round++) { // interleaved rounds, so background load hits every case alike
                for (var entry : cases.entrySet()) {
                    double[] sample = run(http, entry.getValue(), requests / 2);
                    results.merge(entry.getKey(), sample, GatewayLatencyBenchmark::concat);
                }
            }
            print(System.out, requests, results);
        }
        finally {
            backend.stop();
            System.exit(0);
        }
    }

    private static double[] run(HttpClient http, HttpRequest request, int count) throws Exception {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            int status = http.send(request, BodyHandlers.discarding()).statusCode();
            millis[i] = (System.nanoTime() - started) / 1_000_000.0;
            if (status != 200) {
                throw new IllegalStateException(request.uri() + " answered " + status);
            }
        }
        return millis;
    }

    private static void print(PrintStream out, int requests, Map<String, double[]> results) {
        double directMedian = percentile(results.values().iterator().next(), 50);
        out.printf("%n%d sequential requests per case, %d CPUs, load average %s%n", requests,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf("%-34s %8s %8s %8s %8s %8s %14s%n", "case (ms)", "mean", "p50", "p90", "p99", "max", "added p50");
        results.forEach((name, sample) -> out.printf("%-34s %8.2f %8.2f %8.2f %8.2f %8.2f %14.2f%n", name,
                Arrays.stream(sample).average().orElse(0), percentile(sample, 50), percentile(sample, 90),
                percentile(sample, 99), Arrays.stream(sample).max().orElse(0), percentile(sample, 50) - directMedian));
    }

    private static double percentile(double[] sample, int percentile) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (java.io.IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }
}
