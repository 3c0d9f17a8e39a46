package com.shopfleet.shop.support.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.order.OrderAmounts;
import com.shopfleet.shop.contracts.events.order.OrderCancelled;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * The shared dead-letter API on a real (embedded KRaft) broker and a real SQL database: an event a
 * consumer keeps failing on lands on its group's dead-letter topic, staff see it with its reason at
 * {@code /api/admin/<service>/dead-letters}, it is counted, and once the cause is fixed its replay takes
 * effect exactly once; a second replay is refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "shop.identity.signing-key=" + DeadLetterReplayTests.KEY,
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.function.definition=orders",
        "spring.cloud.stream.bindings.orders-in-0.destination=" + Topics.ORDER_ORDER,
        "spring.cloud.stream.bindings.orders-in-0.group=replayprobe",
        "spring.cloud.stream.bindings.orders-in-0.consumer.max-attempts=2",
        "spring.cloud.stream.bindings.orders-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.dlq-name=" + DeadLetterReplayTests.DLT,
        "spring.cloud.stream.kafka.bindings.orders-in-0.consumer.start-offset=earliest",
        "spring.application.name=probe-service",
        "shop.dead-letters.metrics-interval=1h",
        "spring.flyway.locations=classpath:db/shop-support/common,classpath:db/shop-support/{vendor},classpath:db/probe" })
@EmbeddedKafka(partitions = 1, topics = { Topics.ORDER_ORDER, DeadLetterReplayTests.DLT })
class DeadLetterReplayTests {

    static final String KEY = "ZGVhZC1sZXR0ZXItdGVzdHMta2V5LTAxMjM0NTY3ODlhYg";
    static final String DLT = Topics.ORDER_ORDER + ".replayprobe.dlt";
    static final String PATH = "/api/admin/probe/dead-letters";

    /** The cause of the failure, "fixed" by the test before it replays. */
    static final AtomicBoolean stockServiceFixed = new AtomicBoolean();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        EventHandlers orders(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
                JdbcTemplate jdbc) {
            return EventHandlers.forGroup("replayprobe", processed, transactions, jsonMapper)
                    .on(OrderCancelled.class, (envelope, cancelled) -> {
                        if (!stockServiceFixed.get()) {
                            throw new IllegalStateException("stock service refused order " + cancelled.orderId());
                        }
                        jdbc.update("INSERT INTO probe_effect (order_id) VALUES (?)", cancelled.orderId());
                    })
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    IdentityTokens tokens;

    @Autowired
    DeadLetterMetrics metrics;

    @Autowired
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPoisonedEventIsListedWithItsReasonCountedAndTakesEffectOnceWhenReplayedAfterTheFix() throws Exception {
        EventEnvelope<OrderCancelled> cancelled = EventEnvelope.of(new OrderCancelled(8001, "20261126-DLTA", 1001,
                List.of(), new OrderAmounts(10_000, 3_000, 0, 13_000), "CUSTOMER_REQUEST", true));

        send(cancelled);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> find(cancelled.eventId().toString()), found -> found != null);
        assertThat(letter.get("id").asString()).startsWith("order-0-");
        assertThat(letter.get("topic").asString()).isEqualTo(Topics.ORDER_ORDER);
        assertThat(letter.get("group").asString()).isEqualTo("replayprobe");
        assertThat(letter.get("eventType").asString()).isEqualTo(OrderCancelled.TYPE);
        assertThat(letter.get("key").asString()).isEqualTo("8001");
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("reasonCode").asString()).isEqualTo("IllegalStateException");
        assertThat(letter.get("reason").asString()).isEqualTo("IllegalStateException: stock service refused order 8001");
        assertThat(letter.has("payload")).isFalse();
        metrics.refresh();
        assertThat(gauge("pending")).isEqualTo(1);

        stockServiceFixed.set(true);
        String id = letter.get("id").asString();
        HttpResponse<String> replayed = post(PATH + "/" + id + "/replay", Role.MANAGER, "en");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(body(replayed).get("message").asString()).startsWith("Replay requested.");
        assertThat(body(replayed).at("/data/status").asString()).isEqualTo("REPLAYED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(8001)).isEqualTo(1));
        JsonNode after = body(get(PATH + "/" + id, Role.MANAGER)).get("data");
        assertThat(after.get("status").asString()).isEqualTo("REPLAYED");
        assertThat(after.get("replayedBy").asLong()).isEqualTo(42);
        metrics.refresh();
        assertThat(gauge("pending")).isZero();
        assertThat(gauge("replayed")).isEqualTo(1);

        HttpResponse<String> again = post(PATH + "/" + id + "/replay", Role.ADMIN, "en");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).at("/errorDetails/code").asString()).isEqualTo("CONFLICT");
        assertThat(body(again).get("message").asString()).isEqualTo("This dead letter was already replayed.");
        HttpResponse<String> all = post(PATH + "/replay", Role.MANAGER, "ko");
        assertThat(all.statusCode()).isEqualTo(202);
        assertThat(body(all).at("/data/replayed").asInt()).as("nothing pending is left").isZero();
        Thread.sleep(1_000);
        assertThat(effects(8001)).as("the replay took effect once").isEqualTo(1);
        assertThat(registry.get("shop.dead.letters.replayed").tag("group", "replayprobe").counter().count())
                .isEqualTo(1);
    }

    @Test
    void onlyStaffSeeAndReplayDeadLettersAndBadInputIsA4xx() throws Exception {
        assertThat(get(PATH, Role.USER).statusCode()).isEqualTo(403);
        assertThat(get(PATH, Role.SELLER).statusCode()).isEqualTo(403);
        assertThat(post(PATH + "/order-0-0/replay", Role.SELLER, "ko").statusCode()).isEqualTo(403);
        assertThat(get(PATH, Role.MANAGER).statusCode()).isEqualTo(200);
        assertField(get(PATH + "?size=0", Role.MANAGER), 400, "size");
        assertField(get(PATH + "?status=LOST", Role.MANAGER), 400, "status");
        assertField(get(PATH + "?topic=payments", Role.MANAGER), 400, "topic");
        assertField(get(PATH + "/not-an-id", Role.MANAGER), 400, "id");
        assertField(post(PATH + "/product-0-1/replay", Role.MANAGER, "ko"), 400, "id");
        HttpResponse<String> missing = get(PATH + "/order-0-987654", Role.MANAGER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).at("/errorDetails/code").asString()).isEqualTo("NOT_FOUND");
    }

    private void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).at("/errorDetails/code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body(response).at("/errorDetails/fields").has(field)).as(response.body()).isTrue();
    }

    private JsonNode find(String eventId) throws Exception {
        HttpResponse<String> response = get(PATH + "?size=100&topic=order", Role.MANAGER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode node : body(response).at("/data/content")) {
            if (eventId.equals(node.path("eventId").asString(null))) {
                return node;
            }
        }
        return null;
    }

    private double gauge(String status) {
        return registry.get("shop.dead.letters").tags("group", "replayprobe", "topic", Topics.ORDER_ORDER, "status", status)
                .gauge().value();
    }

    private int effects(long orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM probe_effect WHERE order_id = ?", Integer.class, orderId);
    }

    private HttpResponse<String> get(String path, Role role) throws Exception {
        return http.send(request(path, role, "ko").GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Role role, String language) throws Exception {
        return http.send(request(path, role, language).POST(HttpRequest.BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Role role, String language) {
        ShopIdentity identity = new ShopIdentity(42, role, "박지훈", Locale.KOREAN, "203.0.113.9", "s-42", Instant.now());
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language)
                .header("X-Shop-Identity", tokens.mint(identity, "probe-service"));
    }

    private JsonNode body(HttpResponse<String> response) {
        return jsonMapper.readTree(response.body());
    }

    private void send(EventEnvelope<?> envelope) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (var producer = new DefaultKafkaProducerFactory<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).createProducer()) {
            producer.send(new ProducerRecord<>(Topics.ORDER_ORDER, envelope.aggregateId(),
                    jsonMapper.writeValueAsBytes(envelope)));
            producer.flush();
        }
    }
}
