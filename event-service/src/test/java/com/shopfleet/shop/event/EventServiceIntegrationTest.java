package com.shopfleet.shop.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The whole service on a random port with its real parts: a real redis-server, an embedded KRaft
 * Kafka broker and H2 in MySQL mode. Every integration test class extends this one, so they share
 * one application context. Identity tokens are minted as the gateway would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "shop.event.admission.sync-interval=1s",
        "shop.event.drain.claim-min-idle=1s",
        "shop.event.drain.claim-interval=300ms" })
@EmbeddedKafka(partitions = 1, topics = Topics.EVENT_PRIZE)
public abstract class EventServiceIntegrationTest {

    protected static final String AUDIENCE = "event-service";
    protected static final long MANAGER = 9_000_001L;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    protected Reply get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    protected Reply post(String path, String token, String body) throws Exception {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        return send(builder.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected Reply put(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header(IdentityToken.HEADER, token);
        }
        return builder;
    }

    protected Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response, json);
    }

    protected static String user(long userId) {
        return TestIdentities.token(AUDIENCE, userId, Role.USER);
    }

    protected static String manager() {
        return TestIdentities.token(AUDIENCE, MANAGER, Role.MANAGER);
    }

    /** A request body for an event (times in Korean time, as staff in Seoul would send them). */
    protected String eventJson(String title, long prizePoints, int quantity, Instant opensAt, Instant closesAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "선착순 " + quantity + "명");
        body.put("prizePoints", prizePoints);
        body.put("quantity", quantity);
        body.put("opensAt", OffsetDateTime.ofInstant(opensAt, ZoneOffset.ofHours(9)).toString());
        body.put("closesAt", OffsetDateTime.ofInstant(closesAt, ZoneOffset.ofHours(9)).toString());
        return json.writeValueAsString(body);
    }

    /** Creates an event through the staff API and returns its id. */
    protected long createEvent(int quantity, Instant opensAt, Instant closesAt) throws Exception {
        Reply reply = post("/api/admin/events", manager(),
                eventJson("선착순 이벤트 " + UUID.randomUUID(), 10_000, quantity, opensAt, closesAt));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body().at("/data/id").asLong();
    }

    /** An event that is open now, for an hour. */
    protected long openEvent(int quantity) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return createEvent(quantity, now.minusSeconds(1), now.plus(Duration.ofHours(1)));
    }

    protected long storedWinners(long eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_winner WHERE event_id = ?", Long.class, eventId);
    }

    /** The PrizeWon envelopes on Kafka for one event (read from the beginning of the topic). */
    protected List<JsonNode> prizeWonOnKafka(long eventId, int expected, Duration within) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<JsonNode> found = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        try (var consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer()) {
            consumer.subscribe(List.of(Topics.EVENT_PRIZE));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && distinct.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode envelope = json.readTree(record.value());
                    if (envelope.at("/payload/eventId").asLong() == eventId) {
                        assertThat(record.key()).isEqualTo(envelope.get("aggregateId").asString());
                        assertThat(new String(record.headers().lastHeader("event-type").value())).isEqualTo("PrizeWon");
                        found.add(envelope);
                        distinct.add(envelope.get("eventId").asString());
                    }
                }
            }
            // a little longer, to see that nothing arrives twice
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                JsonNode envelope = json.readTree(record.value());
                if (envelope.at("/payload/eventId").asLong() == eventId) {
                    found.add(envelope);
                }
            }
        }
        return found;
    }

    protected record Reply(int status, String text, JsonNode body, HttpResponse<String> response) {

        Reply(HttpResponse<String> response, JsonMapper json) {
            this(response.statusCode(), response.body(), parse(response, json), response);
        }

        private static JsonNode parse(HttpResponse<String> response, JsonMapper json) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            return type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
        }

        public String code() {
            if (body == null) {
                return null;
            }
            JsonNode code = body.at("/errorDetails/code");
            return code.isMissingNode() || code.isNull() ? null : code.asString();
        }
    }
}
