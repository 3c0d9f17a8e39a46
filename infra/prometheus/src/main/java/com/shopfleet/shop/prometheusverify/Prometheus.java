package com.shopfleet.shop.prometheusverify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (Debian's package) scraping the local stack: its configuration is
 * {@code prometheus-local.yml} with the stack's ports, and it loads {@code alerts.yml} as committed.
 */
final class Prometheus implements AutoCloseable {

    private static final Pattern TARGET = Pattern.compile("localhost:80(8[0-5])");

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Writes the configuration into {@code workDir} and starts Prometheus on a free port. */
    static Prometheus start(Path repoRoot, Path workDir, int portBase) throws Exception {
        Path infra = repoRoot.resolve("infra/prometheus");
        Files.createDirectories(workDir);
        Files.copy(infra.resolve("alerts.yml"), workDir.resolve("alerts.yml"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(workDir.resolve("prometheus.yml"), config(Files.readString(infra.resolve("prometheus-local.yml")),
                portBase));
        int port = freePort();
        Process process = new ProcessBuilder("prometheus", "--config.file=" + workDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1d", "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
        Prometheus prometheus = new Prometheus(process, "http://127.0.0.1:" + port);
        prometheus.awaitReady(Duration.ofSeconds(60));
        return prometheus;
    }

    /** {@code prometheus-local.yml} with the stack's ports ({@code localhost:8080..8085} → base..base+5). */
    static String config(String local, int portBase) {
        Matcher matcher = TARGET.matcher(local);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int offset = Integer.parseInt(matcher.group(1)) - 80;
            matcher.appendReplacement(out, "localhost:" + (portBase + offset));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    String url() {
        return url;
    }

    /** An instant query: {@code status} of the answer and its result vector (empty when no data). */
    QueryResult query(String expr) {
        JsonNode answer = call("/api/v1/query", "query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        return new QueryResult(answer.path("status").asString(""), answer.path("error").asString(null),
                answer.path("data").path("result"));
    }

    record QueryResult(String status, String error, JsonNode result) {

        boolean parsed() {
            return "success".equals(status);
        }

        boolean hasData() {
            return parsed() && result.isArray() && !result.isEmpty();
        }
    }

    /** Every alerting rule Prometheus loaded: name and expression. */
    List<String[]> alertRules() {
        List<String[]> rules = new ArrayList<>();
        for (JsonNode group : call("/api/v1/rules", "type=alert").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new String[] { rule.path("name").asString(), rule.path("query").asString() });
            }
        }
        return rules;
    }

    /** The state of an alert ({@code firing}, {@code pending}) or null when it is not active. */
    String alertState(String name) {
        String state = null;
        for (JsonNode alert : call("/api/v1/alerts", "").path("data").path("alerts")) {
            if (name.equals(alert.path("labels").path("alertname").asString())) {
                String current = alert.path("state").asString();
                state = "firing".equals(state) ? state : current;
            }
        }
        return state;
    }

    /** The scrape targets that are up, out of all. */
    long[] targetsUp() {
        long up = 0;
        long all = 0;
        for (JsonNode target : call("/api/v1/targets", "state=active").path("data").path("activeTargets")) {
            all++;
            if ("up".equals(target.path("health").asString())) {
                up++;
            }
        }
        return new long[] { up, all };
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(), BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("prometheus not ready within " + timeout);
    }

    private JsonNode call(String path, String query) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(url + path + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString()).body();
            return Browser.JSON.readTree(body);
        }
        catch (IOException ex) {
            throw new IllegalStateException("prometheus " + path + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
