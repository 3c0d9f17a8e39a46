package com.shopfleet.shop.order.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.order.points.PointEntryType;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.order.product.ProductReplica;

/**
 * Base of the integration tests: the running service ({@link OrderServiceTest}), HTTP, Kafka and
 * fixtures. Every test works with its own users and products, so tests share the context safely.
 */
@OrderServiceTest
public abstract class IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(100_000);

    @LocalServerPort
    protected int port;

    /** This context's broker (not the JVM-wide property: another test context's broker may have replaced it). */
    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JsonMapper jsonMapper;

    @Autowired
    protected ProductReplica replica;

    @Autowired
    protected PointsWallet wallet;

    protected Api api;

    protected Events events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = Events.on(broker.getBrokersAsString());
    }

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    /** A product on sale at {@code salePrice} (list price 20 % higher), known to the replica. */
    protected long onSale(String name, long salePrice) {
        long id = newId();
        replica.apply(product(id, name, salePrice, "ON_SALE", false), 1, Instant.now(), 0);
        return id;
    }

    protected void changeProduct(long id, String name, long salePrice, String status, boolean deleted, long version) {
        replica.apply(product(id, name, salePrice, status, deleted), version, Instant.now(), 0);
    }

    protected static ProductChanged product(long id, String name, long salePrice, String status, boolean deleted) {
        return new ProductChanged(id, name, "오디오랩", 31, salePrice * 12 / 10, 17, salePrice, status,
                "/images/products/" + id + "/title.webp", deleted);
    }

    protected void givePoints(long userId, long amount) {
        wallet.credit(userId, amount, PointEntryType.PRIZE, "test:" + UUID.randomUUID(), "테스트 적립");
    }

    /** A checkout body; {@code items} as productId, quantity pairs. */
    protected static String checkoutBody(String paymentMethod, long usePoints, Long expectedTotal, long... items) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items.length; i += 2) {
            if (i > 0) {
                lines.append(',');
            }
            lines.append("{\"productId\":").append(items[i]).append(",\"quantity\":").append(items[i + 1]).append('}');
        }
        return """
                {"items":[%s],
                 "shipping":{"recipientName":"김민수","phone":"010-2345-6789","zipCode":"06236",
                             "address1":"서울특별시 강남구 테헤란로 152","address2":"강남파이낸스센터 12층",
                             "deliveryRequest":"문 앞에 놓아 주세요"},
                 "paymentMethod":"%s","usePoints":%d%s}""".formatted(lines, paymentMethod, usePoints,
                expectedTotal == null ? "" : ",\"expectedTotal\":" + expectedTotal);
    }

    /** Places an order and returns its id (asserting 202). */
    protected long placeOrder(long userId, String body) {
        return api.as(userId).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/orders", body)
                .assertOk(202).data().get("orderId").asLong();
    }

    /** The catalog reserves the order's stock: the golden StockReserved with this order's ids. */
    protected void reserveStock(long orderId, long productId, int quantity) {
        ObjectNode envelope = golden("StockReserved", orderId);
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        payload.put("orderId", orderId);
        payload.putArray("lines").addObject().put("productId", productId).put("quantity", quantity);
        send(Topics.CATALOG_STOCK, envelope);
    }

    /** The catalog rejects the order, the product being short: the golden StockRejected with this order's ids. */
    protected void rejectStock(long orderId, long productId, int requested, int available) {
        ObjectNode envelope = golden("StockRejected", orderId);
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        payload.put("orderId", orderId);
        payload.putArray("shortLines").addObject().put("productId", productId).put("requested", requested)
                .put("available", available);
        send(Topics.CATALOG_STOCK, envelope);
    }

    /** A golden envelope with a fresh event id about another aggregate. */
    protected ObjectNode golden(String type, Object aggregateId) {
        ObjectNode envelope = (ObjectNode) jsonMapper.readTree(GoldenFiles.eventJson(type));
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("aggregateId", aggregateId.toString());
        envelope.put("occurredAt", Instant.now().toString());
        return envelope;
    }

    protected void send(String topic, ObjectNode envelope) {
        events.sendRaw(topic, envelope.get("aggregateId").asString(), jsonMapper.writeValueAsBytes(envelope),
                envelope.get("type").asString());
    }

    protected String status(long userId, long orderId) {
        return api.as(userId).get("/api/orders/" + orderId).assertOk(200).data().get("status").asString();
    }

    protected void awaitStatus(long userId, long orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(status(userId, orderId)));
    }
}
