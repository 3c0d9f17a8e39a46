package com.shopfleet.shop.prometheusverify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.localstack.DemoAccounts;

/**
 * What makes every dashboard series exist: browsing, sign-up and login, a card and a bank-transfer
 * checkout (saga, payment, points), an FCFS event with winners and refusals, rate-limited bursts,
 * a poisoned record that ends as a dead letter and its replay by staff — all through the gateway
 * except the poisoned record, which no client of the gateway can produce.
 */
final class Traffic {

    static final String POISON_KEY = "prometheus-verify-poison";

    private static final Map<String, Object> SHIPPING = Map.of("recipientName", "김민수", "phone", "010-1234-5678",
            "zipCode", "06236", "address1", "서울특별시 강남구 테헤란로 123", "address2", "4층");

    private final String gateway;
    private final String kafka;
    private final DemoAccounts demo;
    private final Report report;
    final Browser staff;
    final Browser shopper;
    final List<Browser> newcomers = new ArrayList<>();

    Traffic(String gateway, String kafka, DemoAccounts demo, Report report) {
        this.gateway = gateway;
        this.kafka = kafka;
        this.demo = demo;
        this.report = report;
        this.staff = new Browser(gateway);
        this.shopper = new Browser(gateway);
    }

    void run() throws Exception {
        Browser anonymous = new Browser(gateway);
        JsonNode[] page = { Browser.JSON.createArrayNode() };
        // the catalog seeds its demo products right after start
        await(Duration.ofSeconds(120), () -> {
            page[0] = anonymous.get("/api/products?page=0&size=20").data().path("content");
            return page[0].size() > 0;
        });
        JsonNode products = page[0];
        long productId = products.path(0).path("id").asLong();
        anonymous.get("/api/products/" + productId);
        anonymous.get("/api/categories");
        anonymous.get("/api/products?keyword=" + java.net.URLEncoder.encode("무선", StandardCharsets.UTF_8));
        anonymous.get("/api/events");
        anonymous.get("/api/products/987654321"); // a 404
        report.check("traffic: browsing", productId > 0, products.size() + " products on the first page");

        report.check("traffic: staff login", staff.login(demo.staff().email(), demo.staff().password()).status() == 200,
                demo.staff().email());
        report.check("traffic: shopper login",
                shopper.login(demo.shopper().email(), demo.shopper().password()).status() == 200, demo.shopper().email());
        for (int n = 0; n < 2; n++) {
            Browser newcomer = new Browser(gateway);
            String email = "verify-" + UUID.randomUUID().toString().substring(0, 8) + "@prometheus.local";
            int signup = newcomer.signup(email, "Verify-Prometheus#2026", "검증" + n,
                    String.format("010-%04d-%04d", 7000 + n, (int) (System.nanoTime() % 10_000))).status();
            int login = newcomer.login(email, "Verify-Prometheus#2026").status();
            report.check("traffic: signup + login " + (n + 1), signup == 201 && login == 200,
                    "signup " + signup + ", login " + login);
            newcomers.add(newcomer);
        }

        checkout(shopper, productId, "CARD", "PAID");
        Long bankOrder = checkout(newcomers.getFirst(), productId, "BANK_TRANSFER", "CONFIRMED");
        if (bankOrder != null && "CONFIRMED".equals(newcomers.getFirst().get("/api/orders/" + bankOrder).data()
                .path("status").asString(""))) {
            int paid = staff.post("/api/admin/orders/" + bankOrder + "/mark-paid", Map.of()).status();
            report.check("traffic: staff mark a bank transfer paid", paid == 200, "HTTP " + paid);
        }

        fcfs();
        rateLimited(anonymous);
        deadLetter();
    }

    private Long checkout(Browser buyer, long productId, String paymentMethod, String expected) throws Exception {
        buyer.post("/api/cart/items", Map.of("productId", productId, "quantity", 1));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("items", List.of(Map.of("productId", productId, "quantity", 1)));
        order.put("shipping", SHIPPING);
        order.put("paymentMethod", paymentMethod);
        order.put("usePoints", 0);
        Browser.Reply placed = buyer.post("/api/orders", order, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (placed.status() != 202) {
            report.fail("traffic: " + paymentMethod + " checkout", "HTTP " + placed.status() + " " + placed.raw());
            return null;
        }
        long orderId = placed.data().path("orderId").asLong();
        String[] status = { "PENDING" };
        // the saga ends CONFIRMED/PAID, or REJECTED when the catalog did not answer in time: both are
        // outcomes the dashboards show; still PENDING after three minutes is the failure
        boolean ended = await(Duration.ofSeconds(180), () -> {
            status[0] = buyer.get("/api/orders/" + orderId).data().path("status").asString("");
            return status[0].equals(expected) || status[0].equals("REJECTED");
        });
        report.check("traffic: " + paymentMethod + " checkout", ended, "order " + orderId + " " + status[0]
                + (status[0].equals("REJECTED") ? " (saga timed out: the catalog did not answer)" : ""));
        return orderId;
    }

    /** An event of two prizes: two winners, a repeated entry, a sold-out refusal. */
    private void fcfs() throws Exception {
        long eventId = createEvent("검증 이벤트", 2);
        if (eventId < 0) {
            return;
        }
        Map<String, Integer> results = new LinkedHashMap<>();
        results.put("WON", shopper.post("/api/events/" + eventId + "/entries", Map.of()).status());
        results.put("ALREADY_ENTERED", shopper.post("/api/events/" + eventId + "/entries", Map.of()).status());
        results.put("WON 2", newcomers.get(0).post("/api/events/" + eventId + "/entries", Map.of()).status());
        results.put("SOLD_OUT", newcomers.get(1).post("/api/events/" + eventId + "/entries", Map.of()).status());
        report.check("traffic: FCFS entries", results.equals(Map.of("WON", 201, "ALREADY_ENTERED", 409, "WON 2", 201,
                "SOLD_OUT", 410)), results.toString());
    }

    /** Creates an event opening in a few seconds and waits until it is open; -1 when that failed. */
    long createEvent(String title, int quantity) throws Exception {
        Instant opens = Instant.now().plusSeconds(3);
        Browser.Reply created = staff.post("/api/admin/events", Map.of("title", title + " " + opens.getEpochSecond(),
                "description", "Prometheus verification", "prizePoints", 1000, "quantity", quantity,
                "opensAt", opens.toString(), "closesAt", opens.plus(Duration.ofMinutes(30)).toString()));
        if (created.status() != 201) {
            report.fail("traffic: create event", "HTTP " + created.status() + " " + created.raw());
            return -1;
        }
        long eventId = created.data().path("id").asLong();
        boolean open = await(Duration.ofSeconds(60),
                () -> "OPEN".equals(shopper.get("/api/events/" + eventId).data().path("status").asString("")));
        report.check("traffic: event " + eventId + " opens", open, quantity + " prizes");
        return open ? eventId : -1;
    }

    /** An anonymous burst from one address beyond the default budget (40 at once): some answer 429. */
    private void rateLimited(Browser anonymous) throws Exception {
        java.util.concurrent.atomic.AtomicInteger limited = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < 3 && limited.get() == 0; round++) {
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int n = 0; n < 100; n++) {
                    threads.submit(() -> {
                        if (anonymous.get("/api/categories").status() == 429) {
                            limited.incrementAndGet();
                        }
                    });
                }
            }
        }
        report.check("traffic: rate-limited burst", limited.get() > 0, limited.get() + " answers 429");
    }

    /**
     * A record no consumer can read on {@code shop.order.order}: the catalog (after its retries) and
     * the notification worker (at once) dead-letter it; staff find it through the gateway and replay it.
     */
    private void deadLetter() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            // partition 0, which every consumer of the topic has from its start (a topic a consumer saw
            // with fewer partitions gains them only at its next metadata refresh)
            producer.send(new ProducerRecord<>("shop.order.order", 0, POISON_KEY,
                    "{\"not\": \"an event envelope\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode[] letter = { null };
        boolean listed = await(Duration.ofSeconds(90), () -> {
            for (JsonNode candidate : staff.get("/api/admin/catalog/dead-letters?topic=order&size=100").data()
                    .path("content")) {
                if (POISON_KEY.equals(candidate.path("key").asString(null))) {
                    letter[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        report.check("traffic: poisoned record listed as a catalog dead letter", listed,
                listed ? letter[0].path("id").asString() + " reason: " + letter[0].path("reason").asString() : "not listed");
        if (listed) {
            int replay = staff.post("/api/admin/catalog/dead-letters/" + letter[0].path("id").asString() + "/replay",
                    Map.of()).status();
            report.check("traffic: staff replay the dead letter", replay == 202, "HTTP " + replay);
        }
        boolean notification = await(Duration.ofSeconds(60), () -> {
            for (JsonNode candidate : staff.get("/api/admin/notifications/dead-letters?topic=order&size=100").data()
                    .path("content")) {
                if (POISON_KEY.equals(candidate.path("key").asString(null))) {
                    return true;
                }
            }
            return false;
        });
        report.check("traffic: ... and as a notification dead letter", notification, "/api/admin/notifications/dead-letters");
        Browser.Reply orderLetters = staff.get("/api/admin/order/dead-letters");
        report.check("traffic: order-service dead letters reachable", orderLetters.status() == 200,
                "/api/admin/order/dead-letters HTTP " + orderLetters.status());
        VerifyMain.CONSOLE.info("  traffic done");
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            }
            catch (RuntimeException notYet) {
                // the next try
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(1_000);
        }
    }
}
