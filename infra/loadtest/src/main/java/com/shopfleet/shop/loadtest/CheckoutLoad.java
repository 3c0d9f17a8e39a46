package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/**
 * The checkout benchmark (issue: Orders) against a running fleet, through its gateway: {@code buyers}
 * signed-in users each place a card order (one line, one unit, of one of the products this run
 * created with ample stock), wait until the saga answers — {@code OrderConfirmed} or
 * {@code OrderRejected}, read from {@code shop.order.order} on the fleet's broker — and place the
 * next. After a warm-up, one measured window; then one table: orders/s, POST latency and
 * POST→CONFIRMED latency (p50/p90/p99/max), answers by status, and the machine's load average.
 */
final class CheckoutLoad {

    record Options(URI gateway, String kafka, String staffEmail, String staffPassword, int buyers, int products,
            Duration duration, Duration warmup) {
    }

    private static final String ORDER_TOPIC = "shop.order.order";
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);
    private static final String BUYER_PASSWORD = "Checkout-Bench#2026";

    private final Options options;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean(true);

    /** How the saga ended for an order, and when this process saw it. */
    private record Outcome(String type, long seenAt) {
    }

    /** What one buyer measured in one window. */
    private static final class Tally {
        final Latencies post = new Latencies();
        final Latencies confirm = new Latencies();
        final Map<String, Integer> answers = new TreeMap<>();
        int confirmed;
        int rejected;
        int unanswered;

        void count(String answer) {
            answers.merge(answer, 1, Integer::sum);
        }
    }

    CheckoutLoad(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** {@code checkout} of {@link LoadTestMain}: the options as its usage text describes them. */
    static void run(Map<String, String> options, PrintStream out) throws Exception {
        String[] staff = options.containsKey("staff") ? options.get("staff").split(":", 2)
                : staffOf(Path.of(options.getOrDefault("data-dir", LoadTestMain.repoRoot().resolve(".local").toString())));
        new CheckoutLoad(new Options(URI.create(options.getOrDefault("gateway", "http://localhost:8080")),
                options.getOrDefault("kafka", "localhost:9092"), staff[0], staff[1], number(options, "buyers", 50),
                number(options, "products", 20), Duration.ofSeconds(number(options, "duration", 30)),
                Duration.ofSeconds(number(options, "warmup", 10))), out).run();
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** The demo staff account of a local stack's data folder (demo-accounts.properties). */
    static String[] staffOf(Path dataDir) throws IOException {
        Properties accounts = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("demo-accounts.properties"))) {
            accounts.load(reader);
        }
        String email = accounts.getProperty("staff.email");
        String password = accounts.getProperty("staff.password");
        if (email == null || password == null) {
            throw new IllegalStateException("no staff.email/staff.password in " + dataDir.resolve("demo-accounts.properties")
                    + ": " + accounts.stringPropertyNames());
        }
        return new String[] { email, password };
    }

    void run() throws Exception {
        out.printf("checkout benchmark: %d buyers through %s, warm-up %d s, window %d s%n", options.buyers(),
                options.gateway(), options.warmup().toSeconds(), options.duration().toSeconds());
        Session staff = logIn(options.staffEmail(), options.staffPassword());
        List<Session> buyers = buyers();
        out.printf("  %d buyers signed in%n", buyers.size());
        List<Long> products = createProducts(staff, buyers.getFirst());
        out.printf("  %d products created (stock 1,000,000 each) and known to the order service: %s%n", products.size(),
                products);

        CountDownLatch assigned = new CountDownLatch(1);
        Thread listener = Thread.ofPlatform().name("order-events").daemon().start(() -> listen(assigned));
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no partition of " + ORDER_TOPIC + " assigned on " + options.kafka());
        }
        try {
            if (!options.warmup().isZero()) {
                out.printf("  warm-up %d s…%n", options.warmup().toSeconds());
                window(buyers, products, options.warmup());
            }
            String loadBefore = FleetMemory.loadAverage();
            long started = System.nanoTime();
            List<Tally> tallies = window(buyers, products, options.duration());
            double seconds = (System.nanoTime() - started) / 1e9;
            report(tallies, seconds, loadBefore, FleetMemory.loadAverage());
        }
        finally {
            listening.set(false);
            listener.join(5_000);
        }
    }

    /** Every buyer orders back to back until the window closes; an order still open then is waited for. */
    private List<Tally> window(List<Session> buyers, List<Long> products, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<Future<Tally>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Session buyer : buyers) {
                running.add(threads.submit(() -> buy(buyer, products, end)));
            }
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> tally : running) {
            tallies.add(tally.get());
        }
        return tallies;
    }

    private Tally buy(Session buyer, List<Long> products, long end) throws InterruptedException {
        Tally tally = new Tally();
        while (System.nanoTime() < end) {
            long product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
            long posted = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(options.gateway().resolve("/api/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Cookie", "SESSION=" + buyer.session() + "; XSRF-TOKEN=" + buyer.xsrf())
                        .header("X-XSRF-TOKEN", buyer.xsrf())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body(product))).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException ex) {
                tally.count(ex.getClass().getSimpleName());
                continue;
            }
            long answered = System.nanoTime();
            if (response.statusCode() != 202) {
                tally.count(response.statusCode() + " " + json.readTree(response.body()).at("/errorDetails/code").asString(""));
                continue;
            }
            tally.count("202");
            tally.post.record((answered - posted) / 1_000);
            long orderId = json.readTree(response.body()).at("/data/orderId").asLong();
            try {
                Outcome outcome = outcome(orderId).get(SAGA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if ("OrderConfirmed".equals(outcome.type())) {
                    tally.confirmed++;
                    tally.confirm.record((outcome.seenAt() - posted) / 1_000);
                }
                else {
                    tally.rejected++;
                }
            }
            catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
                tally.unanswered++;
            }
            finally {
                outcomes.remove(orderId);
            }
        }
        return tally;
    }

    private CompletableFuture<Outcome> outcome(long orderId) {
        return outcomes.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    /** Reads the saga's answers from the order topic (from its end, as the run starts). */
    private void listen(CountDownLatch assigned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "checkout-bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(ORDER_TOPIC));
            while (listening.get()) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.nanoTime();
                if (assigned.getCount() > 0 && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position); // pins "latest" before any order is placed
                    assigned.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    JsonNode envelope = json.readTree(record.value());
                    String type = envelope.path("type").asString("");
                    if (type.equals("OrderConfirmed") || type.equals("OrderRejected")) {
                        outcome(envelope.at("/payload/orderId").asLong()).complete(new Outcome(type, now));
                    }
                }
            }
        }
    }

    private void report(List<Tally> tallies, double seconds, String loadBefore, String loadAfter) {
        Latencies post = Latencies.merge(tallies.stream().map(t -> t.post).toList());
        Latencies confirm = Latencies.merge(tallies.stream().map(t -> t.confirm).toList());
        Map<String, Integer> answers = new TreeMap<>();
        int confirmed = 0;
        int rejected = 0;
        int unanswered = 0;
        for (Tally tally : tallies) {
            tally.answers.forEach((answer, n) -> answers.merge(answer, n, Integer::sum));
            confirmed += tally.confirmed;
            rejected += tally.rejected;
            unanswered += tally.unanswered;
        }
        out.println();
        out.printf("| checkout, %d buyers, %.1f s, %d cores | |%n", options.buyers(), seconds,
                Runtime.getRuntime().availableProcessors());
        out.println("|---|---|");
        out.printf("| orders placed (202) | %,d |%n", post.count());
        out.printf("| confirmed / rejected / no answer in %d s | %,d / %,d / %,d |%n", SAGA_TIMEOUT.toSeconds(), confirmed,
                rejected, unanswered);
        out.printf("| **throughput (confirmed orders/s)** | **%.1f** |%n", confirmed / seconds);
        out.printf("| POST /api/orders p50 / p90 / p99 / max | %s / %s / %s / %s |%n", ms(post.percentile(50)),
                ms(post.percentile(90)), ms(post.percentile(99)), ms(post.max()));
        out.printf("| **POST → CONFIRMED p50 / p99** (p90, max) | **%s / %s** (%s, %s) |%n", ms(confirm.percentile(50)),
                ms(confirm.percentile(99)), ms(confirm.percentile(90)), ms(confirm.max()));
        out.printf("| answers | %s |%n", answers);
        out.printf("| load average before / after (1, 5, 15 min) | %s / %s |%n", loadBefore, loadAfter);
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    private static String body(long product) {
        return """
                {"items":[{"productId":%d,"quantity":1}],
                 "shipping":{"recipientName":"김민수","phone":"010-2345-6789","zipCode":"06236",
                             "address1":"서울특별시 강남구 테헤란로 152","address2":"12층"},
                 "paymentMethod":"CARD","usePoints":0}""".formatted(product);
    }

    /** A signed-in browser session: the cookies and the CSRF token it sends. */
    private record Session(String session, String xsrf) {

        HttpRequest.Builder sign(HttpRequest.Builder request) {
            return request.header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf);
        }
    }

    /**
     * The buyers, {@code checkout-<n>@loadtest.local}: signed up (or already there) and logged in, four
     * at a time (password hashing is what it costs); a busy answer (503, 429) is retried with fresh
     * credentials, since each carries a single-use nonce. Not measured.
     */
    private List<Session> buyers() throws Exception {
        List<Future<Session>> prepared = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int n = 0; n < options.buyers(); n++) {
                int number = n;
                prepared.add(threads.submit(() -> buyer(number)));
            }
        }
        List<Session> buyers = new ArrayList<>();
        for (Future<Session> buyer : prepared) {
            buyers.add(buyer.get());
        }
        return buyers;
    }

    private Session buyer(int number) throws Exception {
        String email = "checkout-" + number + "@loadtest.local";
        for (int attempt = 1;; attempt++) {
            JsonNode key = json.readTree(send(HttpRequest.newBuilder(options.gateway().resolve("/api/auth/public-key"))
                    .GET(), 200).body()).get("data");
            String xsrf = UUID.randomUUID().toString();
            Map<String, Object> signup = new HashMap<>();
            signup.put("email", email);
            signup.put("name", "구매자" + number);
            signup.put("phone", String.format("010%08d", 30_000_000 + number));
            signup.put("locale", "ko");
            signup.put("consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", false));
            signup.put("credentials", BrowserCredentials.encrypt(key.get("keyId").asString(),
                    key.get("publicKey").asString(), email, BUYER_PASSWORD));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(options.gateway().resolve("/api/auth/signup"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Cookie", "XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(signup))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 201 || created.statusCode() == 409) {
                try {
                    return logIn(email, BUYER_PASSWORD);
                }
                catch (IllegalStateException busy) {
                    if (attempt >= 8) {
                        throw busy;
                    }
                }
            }
            else if ((created.statusCode() != 503 && created.statusCode() != 429) || attempt >= 8) {
                throw new IllegalStateException("signup of " + email + ": HTTP " + created.statusCode() + " "
                        + created.body());
            }
            Thread.sleep(500L * attempt);
        }
    }

    private Session logIn(String email, String password) throws Exception {
        JsonNode key = json.readTree(send(HttpRequest.newBuilder(options.gateway().resolve("/api/auth/public-key")).GET(),
                200).body()).get("data");
        String xsrf = UUID.randomUUID().toString();
        String credentials = BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(), email,
                password);
        HttpResponse<String> login = send(HttpRequest.newBuilder(options.gateway().resolve("/api/auth/login"))
                .header("Content-Type", "application/json").header("Cookie", "XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("credentials", credentials, "rememberMe", false)))), 200);
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .findFirst().orElseThrow(() -> new IllegalStateException("login of " + email + " set no SESSION cookie"));
        return new Session(session, xsrf);
    }

    /**
     * Products of this run (on sale, 12,000 won, stock 1,000,000) created by staff, returned once the
     * order service's replica knows each (a buyer can put it in the cart).
     */
    private List<Long> createProducts(Session staff, Session asBuyer) throws Exception {
        JsonNode top = json.readTree(send(HttpRequest.newBuilder(options.gateway().resolve("/api/categories")).GET(), 200)
                .body()).get("data").get(0);
        long category = top.path("children").isEmpty() ? top.get("id").asLong()
                : top.get("children").get(0).get("id").asLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < options.products(); i++) {
            Map<String, Object> product = new HashMap<>();
            product.put("name", "체크아웃 벤치마크 " + run + "-" + i);
            product.put("brand", "샵플릿");
            product.put("categoryId", category);
            product.put("titleImage", "/images/bench.png");
            product.put("description", "체크아웃 벤치마크용 상품");
            product.put("price", 12_000);
            product.put("discountRate", 0);
            product.put("status", "ON_SALE");
            product.put("initialStock", 1_000_000);
            HttpResponse<String> created = send(staff.sign(HttpRequest.newBuilder(
                    options.gateway().resolve("/api/admin/products")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(product)))), 201);
            ids.add(json.readTree(created.body()).at("/data/id").asLong());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (long id : ids) {
            while (http.send(asBuyer.sign(HttpRequest.newBuilder(options.gateway().resolve("/api/cart/items"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":" + id + ",\"quantity\":1}"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() >= 300) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("product " + id + " never reached the order service's replica");
                }
                Thread.sleep(200);
            }
            http.send(asBuyer.sign(HttpRequest.newBuilder(options.gateway().resolve("/api/cart/items/" + id)).DELETE())
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        return ids;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }
}
