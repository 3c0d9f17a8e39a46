package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.catalog.product.ListingParameters;
import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.catalog.product.ProductCounters;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductSummary;
import com.shopfleet.shop.catalog.stock.StockAdjustments;
import com.shopfleet.shop.catalog.stock.StockOverview;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.testsupport.MariaDbPublisherContract;
import com.shopfleet.shop.testsupport.MariaDbTest;

/**
 * The MariaDB tier: every migration and the Hibernate mapping on a fresh InnoDB schema, the outbox
 * registry, and what depends on the database's own semantics — row locks of concurrent reservations,
 * the atomic rating update, Korean keyword search under utf8mb4. No broker: consumers are not started.
 */
@MariaDbTest
@SpringBootTest(properties = { "spring.kafka.admin.auto-create=false",
        "spring.cloud.stream.kafka.binder.auto-create-topics=false",
        "spring.cloud.stream.bindings.orderEvents-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.userEvents-in-0.consumer.auto-startup=false" })
@ContextConfiguration(initializers = TestRedisInitializer.class)
class CatalogMariaDbTests extends MariaDbPublisherContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_catalog");
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StockAdjustments stock;

    @Autowired
    ProductQueries queries;

    @Autowired
    ProductCounters counters;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ProductAdministration administration;

    @Autowired
    @Qualifier("orderEvents")
    EventHandlers orderEvents;

    @Test
    void concurrentReservationsOnInnoDbNeverOversellAndConserveStock() throws Exception {
        Fixtures.Tree tree = fixtures.tree("마리아");
        long scarce = fixtures.product(tree.leaf(), "한정 상품", 10_000, 0, 20);
        long plenty = fixtures.product(tree.leaf(), "넉넉한 상품", 10_000, 0, 1_000);
        Orders orders = new Orders(jsonMapper);
        List<Long> orderIds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long orderId = Orders.nextOrderId();
                orderIds.add(orderId);
                // two lines in opposite order on half the orders: the fixed lock order prevents deadlocks
                byte[] message = jsonMapper.writeValueAsBytes(i % 2 == 0 ? orders.placed(orderId, 1, scarce, 1, plenty, 2)
                        : orders.placed(orderId, 1, plenty, 2, scarce, 1));
                futures.add(pool.submit(() -> orderEvents.accept(MessageBuilder.withPayload(message).build())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }

        int reserved = 0;
        for (long orderId : orderIds) {
            reserved += jdbc.queryForObject(
                    "SELECT COUNT(*) FROM stock_reservation WHERE order_id = ? AND status = 'RESERVED'", Integer.class,
                    orderId);
        }
        assertThat(reserved).isEqualTo(20);
        StockOverview scarceStock = stock.overview(scarce);
        assertThat(scarceStock.available()).isZero();
        assertThat(scarceStock.balanced()).isTrue();
        StockOverview plentyStock = stock.overview(plenty);
        assertThat(plentyStock.reserved()).as("all or none: only the orders that got the scarce line").isEqualTo(40);
        assertThat(plentyStock.balanced()).isTrue();
    }

    @Test
    void ratingAggregatesAndKoreanSearchBehaveAlikeOnMariaDb() {
        Fixtures.Tree tree = fixtures.tree("검색");
        long earbuds = fixtures.product(tree.leaf(), "노이즈캔슬링 무선 이어폰", 159_000, 15, 5);
        long speaker = fixtures.product(tree.leaf(), "블루투스 스피커 AIR", 49_000, 0, 5);
        transactions.executeWithoutResult(status -> {
            counters.reviewsChanged(earbuds, 3, 13); // 4.33 → 433
            counters.reviewsChanged(speaker, 1, 5);
        });
        assertThat(jdbc.queryForObject("SELECT rating_x100 FROM product WHERE id = ?", Integer.class, earbuds))
                .isEqualTo(433);
        transactions.executeWithoutResult(status -> counters.reviewsChanged(speaker, -1, -5));
        assertThat(jdbc.queryForObject("SELECT rating_x100 FROM product WHERE id = ?", Integer.class, speaker)).isZero();

        assertThat(search(tree.top(), "캔슬링", "newest")).containsExactly(earbuds);
        assertThat(search(tree.top(), "air", "newest")).containsExactly(speaker);
        assertThat(search(tree.top(), "AiR", "newest")).as("the keyword index is case-free").containsExactly(speaker);
        assertThat(search(tree.top(), "폰", "newest")).as("one character, from the index").containsExactly(earbuds);
        assertThat(search(tree.top(), "무선 이어폰", "newest")).containsExactly(earbuds);
        assertThat(search(tree.top(), "선이어", "newest")).as("pieces in two words").isEmpty();
        administration.revise(speaker, new ProductDraft("블루투스 사운드바", "테스트브랜드", tree.leaf(),
                "/images/products/test.webp", List.of(), "테스트 상품 설명입니다.", 49_000, 0, ProductStatus.ON_SALE));
        assertThat(search(tree.top(), "air", "newest")).as("renamed").isEmpty();
        assertThat(search(tree.top(), "사운드바", "newest")).containsExactly(speaker);
        assertThat(search(tree.top(), null, "rating")).containsExactly(earbuds, speaker);
        assertThat(search(tree.top(), null, "price_asc")).containsExactly(speaker, earbuds);
    }

    List<Long> search(long category, String q, String sort) {
        return queries.search(queries.parse(new ListingParameters(q, category, null, null, sort, 0, 20), false, false))
                .content().stream().map(ProductSummary::id).toList();
    }
}
