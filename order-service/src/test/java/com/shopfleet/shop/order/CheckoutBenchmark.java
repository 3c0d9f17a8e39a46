package com.shopfleet.shop.order;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The checkout benchmark: {@code bench.buyers} concurrent buyers (default 50) place card orders for
 * {@code bench.seconds} (default 30), each waiting for its order to be CONFIRMED (seen on
 * {@code shop.order.order}) before placing the next; reports orders/s, POST latency and
 * POST→CONFIRMED latency (p50/p99). Not part of the suite (its name is not
 * {@code *Tests}); run it with
 * <pre>
 * ./mvnw -o -f order-service/pom.xml test -Dtest=CheckoutBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * In-process by default: the service on an embedded KRaft broker, a test redis-server and H2, with
 * this class playing the catalog over Kafka (publishes the products, answers every OrderPlaced with
 * StockReserved). Against a running service, direct (the gateway's session and CSRF are not
 * involved): {@code -Dbench.baseUrl=http://localhost:8083 -Dbench.kafka=localhost:9092
 * -Dbench.signingKey=$SHOP_IDENTITY_SIGNING_KEY}; with a real catalog running, add
 * {@code -Dbench.simulateCatalog=false -Dbench.productIds=1,2,3} (products on sale with stock).
 * The result is also written to {@code target/checkout-benchmark.txt}.
 */
class CheckoutBenchmark {

    private static final String AUDIENCE = "order-service";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, Long> postedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> confirmedAt = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final List<Long> postNanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch catalogReady = new CountDownLatch(1);

    @Test
    void checkout() throws Exception {
        int buyers = Integer.getInteger("bench.buyers", 50);
        int seconds = Integer.getInteger("bench.seconds", 30);
        String baseUrl = System.getProperty("bench.baseUrl");
        boolean simulateCatalog = Boolean.parseBoolean(System.getProperty("bench.simulateCatalog", "true"));
        EmbeddedKafkaKraftBroker broker = null;
        ConfigurableApplicationContext app = null;
        String kafka = System.getProperty("bench.kafka");
        IdentityTokens tokens;
        try {
            if (baseUrl == null) {
                broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.CATALOG_PRODUCT, Topics.CATALOG_STOCK,
                        Topics.ORDER_ORDER, Topics.EVENT_PRIZE, Topics.AUTH_USER);
                broker.afterPropertiesSet();
                kafka = broker.getBrokersAsString();
                app = new SpringApplicationBuilder(OrderApplication.class).run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + kafka, "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + TestRedis.port(), "--" + TestIdentities.SIGNING_KEY_PROPERTY,
                        "--logging.level.root=WARN", "--logging.level.com.shopfleet=WARN");
                baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                tokens = tokens(TestIdentities.SIGNING_KEY);
            }
            else {
                tokens = tokens(System.getProperty("bench.signingKey"));
            }
            String brokers = kafka;
            try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
                List<Long> products = simulateCatalog ? publishProducts(producer) : productIds();
                Thread catalog = Thread.ofPlatform().daemon().start(() -> playCatalog(brokers, producer, simulateCatalog));
                if (!catalogReady.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the benchmark's consumer got no partition of " + Topics.ORDER_ORDER);
                }
                awaitKnown(baseUrl, tokens, products);
                Result result = run(baseUrl, tokens, products, buyers, seconds);
                running.set(false);
                catalog.join(5_000);
                report(result, buyers, seconds, baseUrl);
            }
        }
        finally {
            running.set(false);
            if (app != null) {
                app.close();
            }
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    private Result run(String baseUrl, IdentityTokens tokens, List<Long> products, int buyers, int seconds)
            throws InterruptedException {
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        for (int b = 0; b < buyers; b++) {
            long userId = 9_000_000 + b;
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
                    long posted = System.nanoTime();
                    try {
                        HttpResponse<String> response = send(baseUrl, tokens, userId, "POST", "/api/orders",
                                body(product), UUID.randomUUID().toString());
                        long took = System.nanoTime() - posted;
                        if (response.statusCode() == 202) {
                            postNanos.add(took);
                            long orderId = json.readTree(response.body()).at("/data/orderId").asLong();
                            postedAt.put(orderId, posted);
                            confirmation(orderId).get(60, TimeUnit.SECONDS);
                        }
                        else {
                            refused.incrementAndGet();
                        }
                    }
                    catch (IOException | ExecutionException | TimeoutException ex) {
                        refused.incrementAndGet();
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < waitUntil && !confirmedAt.keySet().containsAll(postedAt.keySet())) {
            Thread.sleep(100);
        }
        return new Result(postedAt.size(), refused.get(), elapsed);
    }

    private void report(Result result, int buyers, int seconds, String baseUrl) throws IOException {
        List<Long> confirmLatencies = new ArrayList<>();
        postedAt.forEach((orderId, posted) -> {
            Long confirmed = confirmedAt.get(orderId);
            if (confirmed != null) {
                confirmLatencies.add(confirmed - posted);
            }
        });
        List<Long> posts = new ArrayList<>(postNanos);
        String text = """
                checkout benchmark against %s: %d buyers for %d s, %d cores
                orders placed (202): %d, refused or failed: %d
                throughput: %.1f orders/s
                POST /api/orders latency: p50 %.1f ms, p99 %.1f ms
                POST -> CONFIRMED latency: p50 %.1f ms, p99 %.1f ms (%d of %d confirmed)
                """.formatted(baseUrl, buyers, seconds, Runtime.getRuntime().availableProcessors(), result.placed(),
                result.refused(), result.placed() / (result.elapsedNanos() / 1e9), percentile(posts, 50),
                percentile(posts, 99), percentile(confirmLatencies, 50), percentile(confirmLatencies, 99),
                confirmLatencies.size(), result.placed());
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "checkout-benchmark.txt"), text);
    }

    /** Plays the catalog: every OrderPlaced is answered with StockReserved; records when orders are CONFIRMED. */
    private void playCatalog(String kafka, KafkaProducer<String, byte[]> producer, boolean answer) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.ORDER_ORDER));
            while (running.get() || !confirmedAt.keySet().containsAll(postedAt.keySet())) {
                var records = consumer.poll(Duration.ofMillis(50));
                if (catalogReady.getCount() > 0 && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position); // resolves "latest" before orders come
                    catalogReady.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    JsonNode envelope = json.readTree(record.value());
                    String type = envelope.get("type").asString();
                    long orderId = envelope.at("/payload/orderId").asLong();
                    if ("OrderConfirmed".equals(type)) {
                        long now = System.nanoTime();
                        confirmedAt.putIfAbsent(orderId, now);
                        confirmation(orderId).complete(now);
                    }
                    else if (answer && "OrderPlaced".equals(type)) {
                        List<StockReserved.Line> lines = new ArrayList<>();
                        envelope.at("/payload/lines").forEach(line -> lines.add(new StockReserved.Line(
                                line.get("productId").asLong(), line.get("quantity").asInt())));
                        send(producer, Topics.CATALOG_STOCK, EventEnvelope.of(new StockReserved(orderId, lines)));
                    }
                }
                if (!running.get() && confirmedAt.isEmpty() && postedAt.isEmpty()) {
                    return;
                }
            }
        }
    }

    private CompletableFuture<Long> confirmation(long orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    private List<Long> publishProducts(KafkaProducer<String, byte[]> producer) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = 7_000_000 + i;
            ids.add(id);
            send(producer, Topics.CATALOG_PRODUCT, EventEnvelope.of(new ProductChanged(id, "벤치마크 상품 " + i, "벤치", 1,
                    12_000, 10, 10_800, "ON_SALE", null, false), 1));
        }
        return ids;
    }

    private static List<Long> productIds() {
        String ids = System.getProperty("bench.productIds");
        if (ids == null || ids.isBlank()) {
            throw new IllegalArgumentException("-Dbench.productIds=1,2,3 is needed with -Dbench.simulateCatalog=false");
        }
        return java.util.Arrays.stream(ids.split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    /** The replica knows a product once it can be put in a cart. */
    private void awaitKnown(String baseUrl, IdentityTokens tokens, List<Long> products) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (long product : products) {
            while (send(baseUrl, tokens, 8_999_999, "POST", "/api/cart/items",
                    "{\"productId\":" + product + ",\"quantity\":1}", null).statusCode() != 200) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("product " + product + " never reached the service's replica");
                }
                Thread.sleep(100);
            }
        }
    }

    private HttpResponse<String> send(String baseUrl, IdentityTokens tokens, long userId, String method, String path,
            String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header(IdentityToken.HEADER, tokens.mint(TestIdentities.identity(userId, Role.USER), AUDIENCE))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(long product) {
        return """
                {"items":[{"productId":%d,"quantity":1}],
                 "shipping":{"recipientName":"김민수","phone":"010-2345-6789","zipCode":"06236",
                             "address1":"서울특별시 강남구 테헤란로 152","address2":"12층"},
                 "paymentMethod":"CARD","usePoints":0}""".formatted(product);
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                json.writeValueAsBytes(envelope));
        record.headers().add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(props);
    }

    private static IdentityTokens tokens(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("-Dbench.signingKey=<the service's SHOP_IDENTITY_SIGNING_KEY> is needed");
        }
        return new IdentityTokens(IdentityTokens.decodeKey(key), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    private static double percentile(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1e6;
    }

    private record Result(int placed, int refused, long elapsedNanos) {
    }
}
