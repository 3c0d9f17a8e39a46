package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import com.shopfleet.shop.catalog.product.KeywordIndex;

/**
 * Not a test but a measurement, run on demand (tag {@code benchmark}, excluded from the normal build):
 * <pre>
 * ./mvnw -q -B -f catalog-service/pom.xml test -Dtest=SearchBenchmark -Dcatalog.excludedGroups=none -Djacoco.skip=true
 * </pre>
 * Seeds 100,000 products into H2 (MySQL mode, in memory, with {@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 would
 * otherwise answer a repeated identical query from its last result while nothing changed, which no
 * production database does), has the in-memory keyword index read them, then measures over HTTP,
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
        "logging.level.root=WARN" })
class SearchBenchmark {

    static final int PRODUCTS = 100_000;
    static final int WARMUP = 50;
    static final int SAMPLES = 300;
    static final int THREADS = 4;
    static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(3);

    static final String[] ADJECTIVES = { "프리미엄", "베이직", "라이트", "프로", "슬림", "에센셜", "클래식", "플러스", "미니", "울트라" };
    static final String[] NOUNS = { "무선 이어폰", "노이즈캔슬링 헤드폰", "블루투스 스피커", "보조배터리", "태블릿 거치대",
            "린넨 셔츠", "와이드 슬랙스", "러닝화", "수분 크림", "비타민 세럼", "원두 커피", "유자차", "스테인리스 프라이팬",
            "메모리폼 베개", "원터치 텐트", "요가 매트", "에어프라이어", "무선 청소기", "가습기", "캠핑 의자" };
    static final String[] BRANDS = { "오디오랩", "사운드웨이브", "한빛", "누리", "라온", "봄날", "맑음", "제주농장", "살림연구소",
            "숲속캠프", "코어핏", "하루가전", "Acme", "Nordic", "Blue" };
    static final String[] TOPS = { "디지털", "패션", "뷰티", "식품", "생활", "스포츠" };

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Categories categories;

    @Autowired
    KeywordIndex keywords;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void searchOverOneHundredThousandProducts() throws Exception {
        Map<String, long[]> tree = seed();
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

    /** 6 top-level categories with 3 children each, and {@value #PRODUCTS} products spread over them. */
    Map<String, long[]> seed() {
        Map<String, long[]> tree = new LinkedHashMap<>();
        List<Long> leaves = new ArrayList<>();
        for (String top : TOPS) {
            long topId = categories.create(top + " " + Fixtures.marker(), null, 0).id();
            long[] ids = new long[4];
            ids[0] = topId;
            for (int i = 1; i <= 3; i++) {
                ids[i] = categories.create(top + " 하위 " + i, topId, i).id();
                leaves.add(ids[i]);
            }
            tree.put(top, ids);
        }
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)] + " "
                    + (i % 997);
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            long price = (5 + random.nextInt(500)) * 1_000L - 100;
            int discount = random.nextInt(10) < 6 ? 0 : 5 * (1 + random.nextInt(8));
            int reviews = random.nextInt(50);
            long ratingSum = reviews == 0 ? 0 : reviews + random.nextInt(reviews * 4 + 1);
            int wishlists = random.nextInt(300);
            int sold = random.nextInt(200);
            int available = random.nextInt(20) == 0 ? 0 : random.nextInt(500);
            boolean hidden = random.nextInt(50) == 0;
            batch.add(new Object[] { name, brand, leaves.get(random.nextInt(leaves.size())), price, discount,
                    price * (100 - discount) / 100, hidden ? "HIDDEN" : "ON_SALE", !hidden, available + sold,
                    available, sold, wishlists, wishlists + sold, reviews, ratingSum,
                    reviews == 0 ? 0 : (int) (ratingSum * 100 / reviews), (name + " " + brand).toLowerCase(),
                    new Timestamp(now.getTime() - (PRODUCTS - i) * 1_000L) });
            if (batch.size() == 5_000) {
                insert(batch);
                batch.clear();
            }
        }
        insert(batch);
        keywords.reload();
        return tree;
    }

    void insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO product (name, brand, category_id, title_image, description, price, discount_rate,
                    sale_price, status, listed, deleted, stock_initial, stock_available, stock_reserved, stock_sold,
                    wishlist_count, popularity, review_count, rating_sum, rating_x100, search_text, created_at,
                    updated_at, version)
                VALUES (?, ?, ?, '/images/bench.webp', '벤치마크 상품입니다.', ?, ?, ?, ?, ?, FALSE, ?, ?, 0, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, 0)""", rows.stream().map(row -> new Object[] { row[0], row[1], row[2], row[3],
                row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13], row[14], row[15],
                row[16], row[17], row[17] }).toList());
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
