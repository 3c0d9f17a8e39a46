package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryNode;

/**
 * Not a test but a measurement, run on demand (tag {@code benchmark}, excluded from the normal build):
 * <pre>
 * ./mvnw -q -B -f catalog-service/pom.xml test -Dtest=SearchBenchmark -Dcatalog.excludedGroups=none -Djacoco.skip=true
 * </pre>
 * Seeds 100,000 products into H2 (MySQL mode, in memory, with {@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 would
 * otherwise answer a repeated identical query from its last result while nothing changed, which no
 * production database does) with the load tests' seeder ({@code demo.BenchmarkCatalog}), then measures over HTTP,
 * straight to the service (not through the gateway): keyword searches of several shapes, and the
 * product detail and first listing page cached and uncached (uncached: the generation is bumped before
 * every request, outside the timing). Per shape: p50/p99 of sequential requests, req/s with
 * {@value #THREADS} client threads, and the CPU time this JVM spent per request (the cost of a request
 * whatever else the machine runs). Prints a table and writes it to
 * {@code target/benchmark/search-benchmark.md}.
 */
@Tag("benchmark")
@CatalogIntegrationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:catalog-benchmark;OPTIMIZE_REUSE_RESULTS=FALSE;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "shop.catalog.benchmark.products=" + SearchBenchmark.PRODUCTS, "logging.level.root=WARN" })
class SearchBenchmark {

    static final int PRODUCTS = 100_000;
    static final int WARMUP = 50;
    static final int SAMPLES = 300;
    static final int THREADS = 4;
    static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Categories categories;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void searchOverOneHundredThousandProducts() throws Exception {
        Map<String, long[]> tree = tree();
        Http http = new Http(port);
        long someTop = tree.get("스포츠")[0];
        long someLeaf = tree.get("디지털")[1];
        long someProduct = jdbc.queryForObject("SELECT MAX(id) FROM product WHERE listed = TRUE", Long.class) - 17;

        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("keyword: 이어폰 (frequent), newest", "/api/products?" + q("이어폰"), null));
        shapes.add(new Shape("keyword: 캔슬링 헤드폰 (two terms), rating", "/api/products?sort=rating&" + q("캔슬링 헤드폰"),
                null));
        shapes.add(new Shape("keyword: 울트라 텐트 + category + price, price_asc",
                "/api/products?sort=price_asc&minPrice=50000&maxPrice=300000&category=" + someTop + "&"
                        + q("울트라 텐트"), null));
        shapes.add(new Shape("keyword: acme (Latin, any case), popular", "/api/products?sort=popular&" + q("ACME"), null));
        shapes.add(new Shape("keyword: 디지털 (category name), price_desc", "/api/products?sort=price_desc&" + q("디지털"),
                null));
        shapes.add(new Shape("keyword: 없는상품 (no match)", "/api/products?" + q("없는상품"), null));
        shapes.add(new Shape("keyword: 7 (one character), newest", "/api/products?" + q("7"), null));
        shapes.add(new Shape("keyword: 거치 (two characters) + category, rating", "/api/products?sort=rating&category="
                + tree.get("디지털")[0] + "&" + q("거치"), null));
        shapes.add(new Shape("browse: everything, price_asc, page 5 (never cached)", "/api/products?sort=price_asc&page=5",
                null));
        shapes.add(new Shape("browse: category, popular, page 5 (never cached)",
                "/api/products?sort=popular&page=5&category=" + someLeaf, null));
        shapes.add(new Shape("first listing page, uncached", "/api/products?sort=popular&category=" + someLeaf,
                () -> redis.opsForValue().increment("catalog:v1:gen:listing")));
        shapes.add(new Shape("first listing page, cached", "/api/products?sort=popular&category=" + someLeaf, null));
        shapes.add(new Shape("product detail, uncached", "/api/products/" + someProduct,
                () -> redis.opsForValue().increment("catalog:v1:gen:product:" + someProduct)));
        shapes.add(new Shape("product detail, cached", "/api/products/" + someProduct, null));

        StringBuilder table = new StringBuilder();
        table.append("Catalog search benchmark: ").append(PRODUCTS).append(" products, H2 in memory (MySQL mode), ")
                .append("HTTP straight to the service, ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, load average ").append(loadAverage()).append("\n\n");
        table.append("| shape | matches | p50 ms | p99 ms | req/s (").append(THREADS)
                .append(" threads) | CPU ms/req (server + client) |\n");
        table.append("|---|---:|---:|---:|---:|---:|\n");
        for (Shape shape : shapes) {
            Http.Reply first = http.get(shape.path()).expect(200);
            long matches = first.data().has("page") ? first.data().at("/page/totalElements").asLong() : 1;
            for (int i = 0; i < WARMUP; i++) {
                shape.prepare();
                http.get(shape.path()).expect(200);
            }
            long[] nanos = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                shape.prepare();
                long start = System.nanoTime();
                http.get(shape.path()).expect(200);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            long cpuBefore = processCpuNanos();
            long requests = throughput(http, shape);
            double cpuPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / requests;
            String row = String.format("| %s | %,d | %.1f | %.1f | %,.0f | %.2f |%n", shape.name(), matches,
                    nanos[SAMPLES / 2] / 1e6, nanos[(int) Math.ceil(SAMPLES * 0.99) - 1] / 1e6,
                    requests / (double) THROUGHPUT_WINDOW.toSeconds(), cpuPerRequest);
            System.out.print(row);
            table.append(row);
        }
        System.out.println(table);
        Path out = Path.of("target", "benchmark", "search-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        assertThat(table).isNotEmpty();
    }

    /** Requests completed by {@value #THREADS} threads within the window. */
    long throughput(Http http, Shape shape) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + THROUGHPUT_WINDOW.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        shape.prepare();
                        http.get(shape.path()).expect(200);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return done.get();
    }

    /** CPU time of this JVM (service and client): what a request costs whatever else the machine runs. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The categories by top-level name, {@code [top, child, child, child]}: six with three children each,
     * created with {@value #PRODUCTS} products by {@code demo.BenchmarkCatalog} (the load tests' seeder,
     * enabled by this class's properties) before the context is ready, keyword index loaded.
     */
    Map<String, long[]> tree() {
        Map<String, long[]> tree = new LinkedHashMap<>();
        for (CategoryNode top : categories.tree()) {
            long[] ids = new long[top.children().size() + 1];
            ids[0] = top.id();
            for (int i = 0; i < top.children().size(); i++) {
                ids[i + 1] = top.children().get(i).id();
            }
            tree.put(top.name(), ids);
        }
        return tree;
    }

    static String q(String keyword) {
        return "q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (RuntimeException ex) {
            return "n/a";
        }
    }

    record Shape(String name, String path, Runnable before) {

        void prepare() {
            if (before != null) {
                before.run();
            }
        }
    }
}
