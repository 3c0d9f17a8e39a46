package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * {@code catalog}: the catalog's read paths through the gateway — product detail and first listing page,
 * cached and uncached, and keyword searches over (by default) 100,000 products — as one table of req/s and
 * p50/p99 per case (see infra/loadtest/README.md).
 *
 * <p>With {@code --start-stack}: Redis and Kafka from the local stack on {@code --port-base} (Kafka at
 * base + 1012), then catalog-service (base + 2) and the gateway (base) as child JVMs with throughput
 * flags and a signing key of their own; the catalog tops itself up to {@code --products} products with
 * bulk SQL before it reports ready ({@code SHOP_CATALOG_BENCHMARK_PRODUCTS}, catalog-service README), and
 * the gateway gets a per-client budget no benchmark reaches (its limiter still runs on every request).
 * Without it, {@code --gateway} names a running gateway whose catalog already holds the products.
 */
final class CatalogBenchmark {

    record Options(boolean startStack, int portBase, URI gateway, Path dataDir, int products, int threads,
            Duration warmup, Duration duration, String serviceJvmOptions, String redis) {
    }

    /** One measured case: what each request asks for, given a running request number. */
    record Case(String name, LongFunction<String> path) {
    }

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final Options options;
    private final PrintStream out;

    CatalogBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** From the command line's {@code --name value} options (LoadTestMain's usage, README). */
    static CatalogBenchmark fromOptions(Map<String, String> options, PrintStream out) {
        int portBase = Integer.parseInt(options.getOrDefault("port-base", "8400"));
        URI gateway = URI.create(options.getOrDefault("gateway", "http://127.0.0.1:" + portBase));
        return new CatalogBenchmark(new Options(options.containsKey("start-stack"), portBase, gateway,
                options.containsKey("data-dir") ? Path.of(options.get("data-dir")) : null,
                Integer.parseInt(options.getOrDefault("products", "100000")),
                Integer.parseInt(options.getOrDefault("threads", "4")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "10"))),
                options.get("service-jvm-opts"), options.get("redis")), out);
    }

    void run() throws Exception {
        LocalStack stack = null;
        ServiceProcess catalog = null;
        ServiceProcess gatewayProcess = null;
        try {
            URI gateway = options.gateway();
            if (options.startStack()) {
                Path data = options.dataDir() != null ? Files.createDirectories(options.dataDir())
                        : Files.createTempDirectory("shop-catalog-bench");
                stack = new LocalStack(LocalStackOptions.defaults()
                        .withRepoRoot(LoadTestMain.repoRoot())
                        .withDataDir(data)
                        .withPortBase(options.portBase())
                        .withOnly(List.of("redis", "kafka"))
                        .withProgress(line -> out.println("[local-stack] " + line))).start();
                Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "local", "SHOP_DATA_DIR", data.toString(),
                        "SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT",
                        Integer.toString(stack.redisPort()), "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        stack.kafkaBootstrapServers(), "SHOP_IDENTITY_SIGNING_KEY", LoadTestMain.randomKey(),
                        "SHOP_CATALOG_BENCHMARK_PRODUCTS", Integer.toString(options.products()));
                int catalogPort = options.portBase() + 2;
                Map<String, String> catalogEnv = new java.util.HashMap<>(env);
                // the local profile's file H2 with a page cache that holds 100,000 products and their indexes
                // (H2's default 16 MB cache re-reads pages from the file on every scan) — what a database
                // server's buffer pool gives it; the heap is 1 GB
                catalogEnv.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data + "/h2/shop_catalog;MODE=MySQL;"
                        + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;CACHE_SIZE=393216");
                catalog = ServiceProcess.launch("catalog-service", LoadTestMain.repoRoot(), data,
                        LoadTestMain.serviceJvmOptions(options.serviceJvmOptions()), catalogEnv, catalogPort, out);
                // seeding 100,000 products (and loading the keyword index) happens before readiness
                catalog.awaitReady(Duration.ofMinutes(20));
                Map<String, String> gatewayEnv = new java.util.HashMap<>(env);
                gatewayEnv.put("SHOP_GATEWAY_CATALOG_URI", "http://127.0.0.1:" + catalogPort);
                List<String> gatewayJvm = new ArrayList<>(LoadTestMain.serviceJvmOptions(options.serviceJvmOptions()));
                gatewayJvm.add("-Dshop.gateway.rate-limit.default-budget.replenish-rate=1000000");
                gatewayJvm.add("-Dshop.gateway.rate-limit.default-budget.burst-capacity=1000000");
                gatewayProcess = ServiceProcess.launch("gateway", LoadTestMain.repoRoot(), data, gatewayJvm, gatewayEnv,
                        options.portBase(), out);
                gatewayProcess.awaitReady(Duration.ofMinutes(4));
                gateway = gatewayProcess.uri();
            }
            measure(gateway, stack != null ? "redis://127.0.0.1:" + stack.redisPort() : options.redis());
        }
        finally {
            if (gatewayProcess != null) {
                gatewayProcess.close();
            }
            if (catalog != null) {
                catalog.close();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }

    private void measure(URI gateway, String redisUri) throws Exception {
        String host = gateway.getHost();
        int port = gateway.getPort();
        HttpConnection probe = new HttpConnection(host, port);
        long leaf = firstLeafCategory(probe, host, port);
        long[] visible = visibleIds(probe, host, port);
        probe.close();
        out.printf("%,d visible products found for the uncached detail case; category %d for the listings%n",
                visible.length, leaf);

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("product detail, cached (20 hot ids)", n -> "/api/products/" + visible[(int) (n % 20)]));
        AtomicLong nextUncached = new AtomicLong(20);
        cases.add(new Case("product detail, uncached (every request another id)",
                n -> "/api/products/" + visible[(int) (nextUncached.getAndIncrement() % visible.length)]));
        cases.add(new Case("first listing page, cached (category, popular)",
                n -> "/api/products?sort=popular&category=" + leaf));
        cases.add(new Case("first listing page, cached (everything, newest)", n -> "/api/products"));
        io.lettuce.core.RedisClient redis = redisUri == null ? null : io.lettuce.core.RedisClient.create(redisUri);
        if (redis != null) {
            // uncached = the catalog's listing cache generation bumped before every request (every listing
            // key changes, as after a product write): the same query, answered from the database each time
            var commands = redis.connect().sync();
            cases.add(new Case("first listing page, uncached (category, popular; cache generation bumped each time)",
                    n -> {
                        commands.incr("catalog:v1:gen:listing");
                        return "/api/products?sort=popular&category=" + leaf;
                    }));
            cases.add(new Case("first listing page, uncached (everything, newest; cache generation bumped each time)",
                    n -> {
                        commands.incr("catalog:v1:gen:listing");
                        return "/api/products";
                    }));
        }
        cases.add(keyword("이어폰", "newest", ""));
        cases.add(keyword("캔슬링 헤드폰", "rating", ""));
        cases.add(keyword("울트라 텐트", "price_asc", "&minPrice=50000&maxPrice=300000"));
        cases.add(keyword("ACME", "popular", ""));
        cases.add(keyword("디지털", "price_desc", ""));
        cases.add(keyword("거치", "newest", "&category=" + leaf));
        cases.add(keyword("7", "newest", ""));
        cases.add(keyword("없는상품", "newest", ""));

        StringBuilder table = new StringBuilder();
        table.append(String.format("Catalog through the gateway %s: %,d products, %d client threads (keep-alive), "
                + "%d s per case after %d s warm-up, %d CPUs%n%n", gateway, options.products(), options.threads(),
                options.duration().toSeconds(), options.warmup().toSeconds(), Runtime.getRuntime().availableProcessors()));
        table.append("| case | requests | req/s | p50 ms | p99 ms | max ms | non-200 | load avg |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        // every case once before any is measured: the services' JIT has then seen every path, so the first
        // cases are not measured on a cold JVM (they were, and looked slower than the later ones)
        for (Case c : cases) {
            run(c, host, port, options.warmup());
        }
        for (Case c : cases) {
            run(c, host, port, options.warmup());
            String loadBefore = FleetMemory.oneMinuteLoad();
            Result result = run(c, host, port, options.duration());
            String row = String.format("| %s | %,d | %,.0f | %.1f | %.1f | %.1f | %,d | %s → %s |%n", c.name(),
                    result.latencies().count(), result.latencies().count() / (double) options.duration().toSeconds(),
                    result.latencies().percentile(50) / 1000.0, result.latencies().percentile(99) / 1000.0,
                    result.latencies().max() / 1000.0, result.failures(), loadBefore, FleetMemory.oneMinuteLoad());
            out.print(row);
            table.append(row);
        }
        out.println();
        out.print(table);
        if (redis != null) {
            redis.shutdown();
        }
    }

    private static Case keyword(String keyword, String sort, String filters) {
        String path = "/api/products?sort=" + sort + filters + "&q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
        return new Case("keyword " + keyword + ", " + sort + (filters.isEmpty() ? "" : " + filters"), n -> path);
    }

    record Result(Latencies latencies, long failures) {
    }

    /** {@code threads} closed-loop clients, each on its own keep-alive connection, for {@code window}. */
    private Result run(Case c, String host, int port, Duration window) throws Exception {
        if (window.isZero()) {
            return new Result(new Latencies(), 0);
        }
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long until = System.nanoTime() + window.toNanos();
        List<Latencies> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
            List<Future<Latencies>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(pool.submit(() -> {
                    Latencies latencies = new Latencies();
                    try (HttpConnection connection = new HttpConnection(host, port)) {
                        while (System.nanoTime() < until) {
                            byte[] request = HttpConnection.request("GET", host, port,
                                    c.path().apply(sequence.getAndIncrement()), "Accept-Language", "ko");
                            long start = System.nanoTime();
                            HttpConnection.Response response = connection.exchange(request);
                            latencies.record((System.nanoTime() - start) / 1_000);
                            if (response.status() != 200) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                    return latencies;
                }));
            }
            for (Future<Latencies> worker : workers) {
                all.add(worker.get());
            }
        }
        return new Result(Latencies.merge(all), failures.get());
    }

    /** The first child category of the tree (the listings' filter). */
    private static long firstLeafCategory(HttpConnection http, String host, int port) throws IOException {
        String body = get(http, host, port, "/api/categories");
        int children = body.indexOf("\"children\":[{");
        if (children < 0) {
            throw new IllegalStateException("no child category in " + body);
        }
        Matcher id = ID.matcher(body);
        if (!id.find(children)) {
            throw new IllegalStateException("no child category in " + body);
        }
        return Long.parseLong(id.group(1));
    }

    /**
     * The ids of listed products among 1..products, asked 100 at a time through the by-ids lookup (hidden
     * ones are skipped), up to 30,000: every request of the uncached detail case names one never asked
     * before in the run.
     */
    private long[] visibleIds(HttpConnection http, String host, int port) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (long from = 1; from <= options.products() && ids.size() < 30_000; from += 100) {
            StringBuilder query = new StringBuilder("/api/products?ids=");
            for (long id = from; id < from + 100 && id <= options.products(); id++) {
                query.append(id == from ? "" : ",").append(id);
            }
            Matcher id = ID.matcher(get(http, host, port, query.toString()));
            while (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
        }
        if (ids.size() < 20) {
            throw new IllegalStateException("only " + ids.size() + " visible products: is the catalog seeded?");
        }
        // shuffled deterministically, so consecutive requests do not walk the table in id order
        java.util.Collections.shuffle(ids, new java.util.Random(7));
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** A preparation request; a busy machine may time one out (503 from the gateway): up to 5 tries. */
    private static String get(HttpConnection http, String host, int port, String path) throws IOException {
        HttpConnection.Response response = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            response = http.exchange(HttpConnection.request("GET", host, port, path));
            if (response.status() == 200) {
                return response.body();
            }
            try {
                Thread.sleep(2_000L * attempt);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException(ex);
            }
        }
        throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
    }
}
