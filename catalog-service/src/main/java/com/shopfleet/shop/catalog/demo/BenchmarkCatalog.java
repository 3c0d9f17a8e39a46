package com.shopfleet.shop.catalog.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.catalog.caching.CacheGenerations;
import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryNode;
import com.shopfleet.shop.catalog.product.KeywordIndex;

/**
 * Bulk data for benchmarks ({@code shop.catalog.benchmark.products} &gt; 0, e.g. the load-test tool's
 * {@code catalog} command): tops the catalog up to that many products with plain SQL batches, and the
 * keyword index (in memory) reads them, before the service reports ready. Deterministic (fixed seed), spread over the
 * existing child categories (six with three children each are created when there are none). It bypasses
 * the application services on purpose: 100,000 products through them would take many minutes and
 * publish 100,000 {@code ProductChanged} events; these products are therefore unknown to the order
 * service's replica — benchmark data for reading, not for checkout. Never enable it in production.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnExpression("${shop.catalog.benchmark.products:0} > 0")
class BenchmarkCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCatalog.class);

    static final String[] ADJECTIVES = { "프리미엄", "베이직", "라이트", "프로", "슬림", "에센셜", "클래식", "플러스", "미니", "울트라" };
    static final String[] NOUNS = { "무선 이어폰", "노이즈캔슬링 헤드폰", "블루투스 스피커", "보조배터리", "태블릿 거치대",
            "린넨 셔츠", "와이드 슬랙스", "러닝화", "수분 크림", "비타민 세럼", "원두 커피", "유자차", "스테인리스 프라이팬",
            "메모리폼 베개", "원터치 텐트", "요가 매트", "에어프라이어", "무선 청소기", "가습기", "캠핑 의자" };
    static final String[] BRANDS = { "오디오랩", "사운드웨이브", "한빛", "누리", "라온", "봄날", "맑음", "제주농장", "살림연구소",
            "숲속캠프", "코어핏", "하루가전", "Acme", "Nordic", "Blue" };
    static final String[] TOPS = { "디지털", "패션", "뷰티", "식품", "생활", "스포츠" };

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Categories categories;
    private final CacheGenerations caches;
    private final KeywordIndex keywords;
    private final int wanted;

    BenchmarkCatalog(JdbcTemplate jdbc, TransactionTemplate transactions, Categories categories,
            CacheGenerations caches, KeywordIndex keywords, CatalogProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.categories = categories;
        this.caches = caches;
        this.keywords = keywords;
        this.wanted = properties.benchmark().products();
    }

    @Override
    public void run(ApplicationArguments args) {
        long present = jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class);
        if (present >= wanted) {
            log.info("Benchmark catalog: {} products present, {} wanted, nothing to add", present, wanted);
            return;
        }
        long started = System.nanoTime();
        List<Long> leaves = leaves();
        Random random = new Random(42 + present);
        Instant now = Instant.now();
        int missing = (int) (wanted - present);
        for (int from = 0; from < missing; from += BATCH) {
            int count = Math.min(BATCH, missing - from);
            int first = from;
            transactions.executeWithoutResult(status -> insert(first, count, missing, leaves, random, now));
        }
        caches.everythingChanged();
        keywords.reload();
        log.info("Benchmark catalog: {} products added in {} ms ({} in all)", missing,
                (System.nanoTime() - started) / 1_000_000, wanted);
    }

    private List<Long> leaves() {
        List<Long> leaves = new ArrayList<>();
        categories.tree().forEach(top -> top.children().forEach(child -> leaves.add(child.id())));
        if (leaves.isEmpty()) {
            for (String top : TOPS) {
                CategoryNode parent = categories.create(top, null, 0);
                for (int i = 1; i <= 3; i++) {
                    leaves.add(categories.create(top + " " + i, parent.id(), i).id());
                }
            }
        }
        return leaves;
    }

    /** One batch of products, in one transaction. */
    private void insert(int first, int count, int total, List<Long> leaves, Random random, Instant now) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
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
            Timestamp created = Timestamp.from(now.minusSeconds(total - i));
            rows.add(new Object[] { name, brand, leaves.get(random.nextInt(leaves.size())), price, discount,
                    price * (100 - discount) / 100, hidden ? "HIDDEN" : "ON_SALE", !hidden, available + sold, available,
                    sold, wishlists, wishlists + sold, reviews, ratingSum,
                    reviews == 0 ? 0 : (int) (ratingSum * 100 / reviews),
                    (name + " " + brand).toLowerCase(Locale.ROOT), created, created });
        }
        jdbc.batchUpdate("""
                INSERT INTO product (name, brand, category_id, title_image, description, price, discount_rate,
                    sale_price, status, listed, deleted, stock_initial, stock_available, stock_reserved, stock_sold,
                    wishlist_count, popularity, review_count, rating_sum, rating_x100, search_text, created_at,
                    updated_at, version)
                VALUES (?, ?, ?, '/images/products/benchmark.webp', '벤치마크 상품입니다.', ?, ?, ?, ?, ?, FALSE, ?, ?, 0,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
    }
}
