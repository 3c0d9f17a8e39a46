package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.catalog.stock.StockAdjustments;
import com.shopfleet.shop.catalog.stock.StockOverview;
import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.messaging.EventHandlers;

/** The catalog's side of the checkout saga, through the real consumer and the real broker. */
@CatalogIntegrationTest
class StockReservationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StockAdjustments stock;

    @Autowired
    @Qualifier("orderEvents")
    EventHandlers orderEvents;

    Orders orders;
    KafkaProbe kafka;
    Fixtures.Tree tree;

    @BeforeEach
    void setUp() {
        orders = new Orders(jsonMapper);
        kafka = new KafkaProbe(broker, jsonMapper);
        tree = fixtures.tree("재고");
    }

    /** Delivers like the binder: up to the configured attempts, the same message each time. */
    void deliver(EventEnvelope<?> envelope) {
        byte[] bytes = jsonMapper.writeValueAsBytes(envelope);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                orderEvents.accept(MessageBuilder.withPayload(bytes).build());
                return;
            }
            catch (RuntimeException ex) {
                last = ex;
            }
        }
        throw last;
    }

    int reservations(long orderId, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE order_id = ? AND status = ?",
                Integer.class, orderId, status);
    }

    void assertConserved(long productId) {
        StockOverview overview = stock.overview(productId);
        assertThat(overview.balanced()).as("initial + adjustments = available + reserved + sold: %s", overview).isTrue();
        assertThat(overview.available()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void twoHundredParallelOrdersForFiftyInStockReserveExactlyFiftyAndDuplicatesReserveOnce() throws Exception {
        long product = fixtures.product(tree.leaf(), "한정판 운동화", 199_000, 0, 50);
        List<EventEnvelope<OrderPlaced>> placed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            placed.add(orders.placed(Orders.nextOrderId(), 7_000 + i, product, 1));
        }
        List<EventEnvelope<?>> deliveries = new ArrayList<>(placed);
        deliveries.addAll(placed.subList(0, 40)); // the same events a second time
        deliveries.add(orders.placed(placed.get(0).payload().orderId(), 7_000, product, 1)); // same order, new event id
        Collections.shuffle(deliveries, new Random(7));

        AtomicBoolean negativeSeen = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                Integer available = jdbc.queryForObject("SELECT stock_available FROM product WHERE id = ?",
                        Integer.class, product);
                if (available < 0) {
                    negativeSeen.set(true);
                }
            }
        });
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> futures = new ArrayList<>();
            for (EventEnvelope<?> envelope : deliveries) {
                futures.add(pool.submit(() -> {
                    try {
                        deliver(envelope);
                    }
                    catch (RuntimeException ex) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        done.set(true);
        watcher.join();

        assertThat(failures.get()).as("deliveries that failed every attempt").isZero();
        int reserved = 0;
        int rejected = 0;
        for (EventEnvelope<OrderPlaced> envelope : placed) {
            reserved += reservations(envelope.payload().orderId(), "RESERVED");
            rejected += reservations(envelope.payload().orderId(), "REJECTED");
        }
        assertThat(reserved).isEqualTo(50);
        assertThat(rejected).isEqualTo(150);
        assertThat(negativeSeen).isFalse();
        StockOverview overview = stock.overview(product);
        assertThat(overview.available()).isZero();
        assertThat(overview.reserved()).isEqualTo(50);
        assertConserved(product);
        assertThat(new Http(port).get("/api/products/" + product).expect(200).data().get("status").asString())
                .isEqualTo("SOLD_OUT");
        assertThat(new Http(port).send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain")).text())
                .contains("shop_catalog_stock_decisions_total{application=\"catalog-service\",outcome=\"reserved\"}");
    }

    @Test
    void aPlacedOrderIsReservedThroughKafkaOnceEvenWhenDeliveredTwice() {
        long shoes = fixtures.product(tree.leaf(), "러닝화", 119_000, 10, 5);
        long socks = fixtures.product(tree.leaf(), "양말", 9_000, 0, 5);
        long orderId = Orders.nextOrderId();
        EventEnvelope<OrderPlaced> placed = orders.placed(orderId, 8_001, socks, 2, shoes, 1, socks, 1);

        kafka.send(Topics.ORDER_ORDER, placed);
        kafka.send(Topics.ORDER_ORDER, placed);

        List<KafkaProbe.Record> outcome = kafka.await(Topics.CATALOG_STOCK,
                record -> record.key().equals(Long.toString(orderId)), Duration.ofSeconds(30));
        assertThat(outcome).hasSize(1);
        assertThat(outcome.getFirst().type()).isEqualTo(StockReserved.TYPE);
        JsonNode lines = outcome.getFirst().payload().get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("productId").asLong()).isEqualTo(shoes);
        assertThat(lines.get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(lines.get(1).get("productId").asLong()).isEqualTo(socks);
        assertThat(lines.get(1).get("quantity").asInt()).isEqualTo(3);
        assertThat(stock.overview(socks).available()).isEqualTo(2);
        assertThat(stock.overview(shoes).available()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                placed.eventId().toString())).isEqualTo(1);
    }

    @Test
    void anOrderWithOneShortLineReservesNothingAndNamesTheShortLine() {
        long plenty = fixtures.product(tree.leaf(), "넉넉한 상품", 10_000, 0, 10);
        long scarce = fixtures.product(tree.leaf(), "귀한 상품", 10_000, 0, 1);
        long orderId = Orders.nextOrderId();

        deliver(orders.placed(orderId, 8_002, plenty, 3, scarce, 2));

        assertThat(reservations(orderId, "REJECTED")).isEqualTo(1);
        assertThat(stock.overview(plenty).available()).isEqualTo(10);
        assertThat(stock.overview(scarce).available()).isEqualTo(1);
        assertConserved(plenty);
        List<KafkaProbe.Record> outcome = kafka.await(Topics.CATALOG_STOCK,
                record -> record.key().equals(Long.toString(orderId)), Duration.ofSeconds(30));
        assertThat(outcome.getFirst().type()).isEqualTo(StockRejected.TYPE);
        JsonNode shortLines = outcome.getFirst().payload().get("shortLines");
        assertThat(shortLines).hasSize(1);
        assertThat(shortLines.get(0).get("productId").asLong()).isEqualTo(scarce);
        assertThat(shortLines.get(0).get("requested").asInt()).isEqualTo(2);
        assertThat(shortLines.get(0).get("available").asInt()).isEqualTo(1);
    }

    @Test
    void theGoldenOrderPlacedIsReadAsTheOrderServiceSendsIt() {
        String golden = GoldenFiles.eventJson(OrderPlaced.TYPE);
        kafka.send(Topics.ORDER_ORDER, "5001", OrderPlaced.TYPE, golden);

        List<KafkaProbe.Record> outcome = kafka.await(Topics.CATALOG_STOCK, record -> record.key().equals("5001"),
                Duration.ofSeconds(30));
        // products 2001 and 2002 of the golden file do not exist here: nothing is available
        assertThat(outcome.getFirst().type()).isEqualTo(StockRejected.TYPE);
        assertThat(outcome.getFirst().payload().get("shortLines").get(0).get("available").asInt()).isZero();
    }

    @Test
    void cancellingAReservedOrderGivesTheStockBack() {
        long product = fixtures.product(tree.leaf(), "취소 상품", 10_000, 0, 3);
        long orderId = Orders.nextOrderId();
        deliver(orders.placed(orderId, 8_003, product, 3));
        assertThat(new Http(port).get("/api/products/" + product).data().get("status").asString()).isEqualTo("SOLD_OUT");

        deliver(orders.cancelled(orderId, 8_003, product, 3));
        deliver(orders.cancelled(orderId, 8_003, product, 3));

        assertThat(reservations(orderId, "RELEASED")).isEqualTo(1);
        assertThat(stock.overview(product).available()).isEqualTo(3);
        assertThat(stock.overview(product).reserved()).isZero();
        assertConserved(product);
        assertThat(new Http(port).get("/api/products/" + product).data().get("status").asString()).isEqualTo("ON_SALE");
    }

    @Test
    void aConfirmedOrderCountsAsSoldAndACancelAfterwardsReturnsIt() {
        long product = fixtures.product(tree.leaf(), "판매 상품", 10_000, 0, 10);
        long orderId = Orders.nextOrderId();
        deliver(orders.placed(orderId, 8_004, product, 4));

        deliver(orders.confirmed(orderId, 8_004, product, 4));
        StockOverview sold = stock.overview(product);
        assertThat(sold.sold()).isEqualTo(4);
        assertThat(sold.reserved()).isZero();
        assertThat(sold.available()).isEqualTo(6);
        assertConserved(product);

        deliver(orders.cancelled(orderId, 8_004, product, 4));
        StockOverview returned = stock.overview(product);
        assertThat(returned.sold()).isZero();
        assertThat(returned.available()).isEqualTo(10);
        assertConserved(product);
    }

    @Test
    void anOrderRejectedElsewhereReleasesItsReservation() {
        long product = fixtures.product(tree.leaf(), "거절 상품", 10_000, 0, 5);
        long orderId = Orders.nextOrderId();
        deliver(orders.placed(orderId, 8_005, product, 2));

        deliver(orders.rejected(orderId, 8_005, product, 2));

        assertThat(stock.overview(product).available()).isEqualTo(5);
        assertThat(reservations(orderId, "RELEASED")).isEqualTo(1);
        assertConserved(product);
    }

    @Test
    void aHiddenOrDeletedProductCannotBeReserved() {
        long hidden = fixtures.product(tree.leaf(), "숨긴 상품", "브랜드", 10_000, 0, 5, ProductStatus.HIDDEN);
        long orderId = Orders.nextOrderId();

        deliver(orders.placed(orderId, 8_006, hidden, 1));

        assertThat(reservations(orderId, "REJECTED")).isEqualTo(1);
        assertThat(stock.overview(hidden).available()).isEqualTo(5);
    }

    @Test
    void anOrderTheConsumerCannotHandleLandsOnTheDeadLetterTopicAndStaffSeeAndReplayIt() {
        long product = fixtures.product(tree.leaf(), "독 상품", 10_000, 0, 5);
        long orderId = Orders.nextOrderId();
        EventEnvelope<OrderPlaced> poison = orders.placed(orderId, 8_007, product, 0);

        kafka.send(Topics.ORDER_ORDER, poison);

        Http http = new Http(port);
        String manager = Http.token(9_001, Role.MANAGER);
        JsonNode letter = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetters(http, manager, poison.eventId().toString()), found -> !found.isEmpty())
                .getFirst();
        assertThat(letter.get("topic").asString()).isEqualTo(Topics.ORDER_ORDER);
        assertThat(letter.get("group").asString()).isEqualTo("catalog");
        assertThat(letter.get("id").asString()).startsWith("order-");
        assertThat(letter.get("eventType").asString()).isEqualTo(OrderPlaced.TYPE);
        assertThat(letter.get("key").asString()).isEqualTo(Long.toString(orderId));
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("reason").asString()).contains("quantity 0");
        assertThat(stock.overview(product).available()).isEqualTo(5);

        // still unhandleable: the replay goes back to the catalog group only and dead-letters again, pending
        http.post("/api/admin/catalog/dead-letters/" + letter.get("id").asString() + "/replay", null, manager)
                .expect(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                deadLetters(http, manager, poison.eventId().toString())).extracting(node -> node.get("status").asString())
                .containsExactlyInAnyOrder("REPLAYED", "PENDING"));
        assertThat(stock.overview(product).available()).isEqualTo(5);

        http.get("/api/admin/catalog/dead-letters", Http.token(9_002, Role.SELLER)).expectError(403, "FORBIDDEN");
        http.get("/api/admin/catalog/dead-letters?size=0", manager).expectError(400, "VALIDATION_FAILED");
    }

    private static List<JsonNode> deadLetters(Http http, String manager, String eventId) {
        List<JsonNode> found = new ArrayList<>();
        http.get("/api/admin/catalog/dead-letters?size=100&topic=order", manager).expect(200).data().get("content")
                .forEach(letter -> {
                    if (eventId.equals(letter.path("eventId").asString(null))) {
                        found.add(letter);
                    }
                });
        return found;
    }
}
