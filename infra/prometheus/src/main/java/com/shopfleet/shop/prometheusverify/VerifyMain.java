package com.shopfleet.shop.prometheusverify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.shopfleet.shop.localstack.LocalStack;
import com.shopfleet.shop.localstack.LocalStackOptions;

/**
 * {@code infra/prometheus/verify}: starts the local stack and a real Prometheus scraping it, drives
 * traffic, then proves that every Grafana panel query returns data, that every alert expression
 * parses and (its threshold removed) returns data, that {@code promtool check rules} accepts the
 * rules, and that {@code ShopEventWinnersUnpersisted} fires while the event drain is paused and
 * resolves once it runs again. Prints a table; exits 1 on any failure. Stops all it started.
 */
public final class VerifyMain {

    static final String USAGE = """
            Usage: infra/prometheus/verify [options]

              --port-base PORT      the stack's gateway port (default 8300); services PORT+1..+5, Kafka PORT+1012
              --data-dir DIR        the stack's and Prometheus' data (default /tmp/shop-prometheus-verify-PORT, wiped)
              --repo-root DIR       the repository (default: the current directory)
              --alert-timeout SEC   how long the alert may take to fire (default 240)
            """;

    /** A comparison with a number at the end of an expression: the alert's threshold. */
    private static final Pattern THRESHOLD = Pattern.compile(
            "\\s*(>=|<=|==|!=|>|<)\\s*(bool\\s+)?-?[0-9.]+(e[+-]?[0-9]+)?\\s*$");

    /** Progress and the table (logback.xml prints this logger's messages as they are). */
    static final Logger CONSOLE = LoggerFactory.getLogger("verify");

    private VerifyMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            CONSOLE.info(USAGE);
            return;
        }
        int portBase = Integer.parseInt(options.getOrDefault("port-base", "8300"));
        Path repoRoot = Path.of(options.getOrDefault("repo-root", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/tmp/shop-prometheus-verify-" + portBase));
        Duration alertTimeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("alert-timeout", "240")));
        Report report = new Report();
        Instant begin = Instant.now();

        LocalStack stack = null;
        Prometheus prometheus = null;
        Traffic traffic = null;
        boolean drainPaused = false;
        // Ctrl-C or a kill: whatever was started is stopped all the same
        AutoCloseable[] started = new AutoCloseable[2];
        Thread stopAll = new Thread(() -> closeAll(started), "verify-stop");
        Runtime.getRuntime().addShutdownHook(stopAll);
        try {
            CONSOLE.info(String.format("Starting the local stack (port base %d, data %s)…", portBase, dataDir));
            stack = new LocalStack(LocalStackOptions.defaults()
                    .withRepoRoot(repoRoot)
                    .withDataDir(dataDir.resolve("stack"))
                    .withReset(true)
                    .withPortBase(portBase)
                    // dead-letter gauges every 5 s instead of 30 s (the run is short) and their listing
                    // patient with a loaded machine's Kafka; the notification worker's local SMTP server on
                    // a free port (3025 may be another stack's); the gateway's 5 s route timeouts
                    // stretched: a loaded machine's cold services are slow, and the gateway's timeouts are
                    // not what is verified here
                    .withServiceEnvironment(Map.of("SHOP_DEADLETTERS_METRICSINTERVAL", "5s",
                            "SHOP_DEADLETTERS_READTIMEOUT", "15s",
                            "SHOP_LOCAL_SMTP_PORT", Integer.toString(freePort()),
                            "SHOP_GATEWAY_RESPONSE_TIMEOUT_MS", "25000"))
                    .withProgress(line -> CONSOLE.info("  [stack] {}", line)))
                    .start();
            started[1] = stack;
            report.pass("local stack started", "in " + stack.startupTime().toSeconds() + " s, gateway " + stack.gatewayUrl());

            prometheus = Prometheus.start(repoRoot, dataDir.resolve("prometheus"), portBase);
            started[0] = prometheus;
            CONSOLE.info("Prometheus at {}", prometheus.url());
            Prometheus scraping = prometheus;
            long[][] up = { { 0, 0 } };
            boolean allUp = Traffic.await(Duration.ofSeconds(60), () -> {
                up[0] = scraping.targetsUp();
                return up[0][1] == 6 && up[0][0] == 6;
            });
            report.check("prometheus scrapes the fleet", allUp, up[0][0] + "/" + up[0][1] + " targets up");

            CONSOLE.info("Driving traffic through {}…", stack.gatewayUrl());
            traffic = new Traffic(stack.gatewayUrl(), stack.kafkaBootstrapServers(), stack.context().demoAccounts(), report);
            traffic.run();
            dumpMetrics(portBase, dataDir.resolve("metrics"));

            panels(prometheus, repoRoot.resolve("infra/grafana/dashboards"), report);
            alertExpressions(prometheus, report);
            promtool(repoRoot.resolve("infra/prometheus/alerts.yml"), report);

            drainPaused = true;
            alertFires(prometheus, traffic, alertTimeout, report);
            drainPaused = false;
        }
        catch (Exception ex) {
            report.fail("run", ex.toString());
        }
        finally {
            if (drainPaused && traffic != null) {
                traffic.staff.post("/api/admin/events/drain/resume", Map.of());
            }
            closeAll(started);
            Runtime.getRuntime().removeShutdownHook(stopAll);
        }
        report.print(String.format("Prometheus verification (%d s, load average %s)",
                Duration.between(begin, Instant.now()).toSeconds(), loadAverage()));
        System.exit(report.failed() ? 1 : 0);
    }

    private static synchronized void closeAll(AutoCloseable[] started) {
        for (int i = 0; i < started.length; i++) {
            if (started[i] != null) {
                try {
                    started[i].close();
                }
                catch (Exception ex) {
                    CONSOLE.warn("stopping {}: {}", started[i], ex.toString());
                }
                started[i] = null;
            }
        }
    }

    /** Every panel query returns data; missing ones are retried for up to 90 s (the next scrapes). */
    private static void panels(Prometheus prometheus, Path dashboards, Report report) throws Exception {
        List<Dashboards.PanelQuery> queries = Dashboards.read(dashboards);
        CONSOLE.info(String.format("Running %d panel queries…", queries.size()));
        Map<Dashboards.PanelQuery, Prometheus.QueryResult> missing = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<Dashboards.PanelQuery> pending = new ArrayList<>(queries);
        while (!pending.isEmpty()) {
            missing.clear();
            for (Dashboards.PanelQuery query : pending) {
                Prometheus.QueryResult result = prometheus.query(query.expr());
                if (!result.hasData()) {
                    missing.put(query, result);
                }
                else {
                    report.pass("panel: " + query.name(), result.result().size() + " series");
                }
            }
            pending = new ArrayList<>(missing.keySet());
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(5_000);
        }
        missing.forEach((query, result) -> report.fail("panel: " + query.name(),
                (result.parsed() ? "no data: " : "does not parse (" + result.error() + "): ") + query.expr()));
    }

    /** Every alert expression parses; without its threshold it returns data. */
    private static void alertExpressions(Prometheus prometheus, Report report) {
        List<String[]> rules = prometheus.alertRules();
        report.check("alerts loaded by prometheus", !rules.isEmpty(), rules.size() + " rules");
        for (String[] rule : rules) {
            Prometheus.QueryResult full = prometheus.query(rule[1]);
            if (!full.parsed()) {
                report.fail("alert: " + rule[0], "does not parse: " + full.error());
                continue;
            }
            String bare = THRESHOLD.matcher(rule[1].strip()).replaceFirst("");
            Prometheus.QueryResult withoutThreshold = prometheus.query(bare);
            report.check("alert: " + rule[0], withoutThreshold.hasData() && !bare.equals(rule[1].strip()),
                    bare.equals(rule[1].strip()) ? "no threshold found in: " + rule[1]
                            : withoutThreshold.result().size() + " series without its threshold: "
                                    + bare.replaceAll("\\s+", " "));
        }
    }

    private static void promtool(Path rules, Report report) throws Exception {
        Process process = new ProcessBuilder("promtool", "check", "rules", rules.toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes()).strip().replaceAll("\\s+", " ");
        report.check("promtool check rules", process.waitFor() == 0, output);
    }

    /** Pauses the drain, makes winners, sees the alert fire, resumes, sees it resolve. */
    private static void alertFires(Prometheus prometheus, Traffic traffic, Duration timeout, Report report)
            throws Exception {
        String alert = "ShopEventWinnersUnpersisted";
        Browser.Reply paused = traffic.staff.post("/api/admin/events/drain/pause", Map.of());
        report.check("event drain paused (staff switch)", paused.status() == 200
                && !paused.data().path("running").asBoolean(true), "HTTP " + paused.status() + " " + paused.data());
        long eventId = traffic.createEvent("알림 검증", 3);
        int won = 0;
        for (Browser person : List.of(traffic.staff, traffic.shopper, traffic.newcomers.getFirst())) {
            if (person.post("/api/events/" + eventId + "/entries", Map.of()).status() == 201) {
                won++;
            }
        }
        report.check("winners while the drain is paused", won == 3, won + " winners");
        CONSOLE.info(String.format("Waiting up to %d s for %s to fire…", timeout.toSeconds(), alert));
        Instant since = Instant.now();
        String[] state = { null };
        boolean fired = Traffic.await(timeout, () -> "firing".equals(state[0] = prometheus.alertState(alert)));
        report.check("alert " + alert + " fires", fired, (fired ? "firing after " : "state " + state[0] + " after ")
                + Duration.between(since, Instant.now()).toSeconds() + " s; unpersisted = "
                + value(prometheus, "max(shop_event_winners_unpersisted)"));

        Browser.Reply resumed = traffic.staff.post("/api/admin/events/drain/resume", Map.of());
        report.check("event drain resumed", resumed.status() == 200 && resumed.data().path("running").asBoolean(false),
                "HTTP " + resumed.status());
        Instant resuming = Instant.now();
        boolean resolved = Traffic.await(Duration.ofSeconds(90), () -> prometheus.alertState(alert) == null);
        report.check("alert " + alert + " resolves", resolved, "after " + Duration.between(resuming, Instant.now())
                .toSeconds() + " s; unpersisted = " + value(prometheus, "max(shop_event_winners_unpersisted)"));
    }

    /** What each part exported after the traffic, for reading when a query finds nothing. */
    private static void dumpMetrics(int portBase, Path directory) throws Exception {
        Files.createDirectories(directory);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int offset = 0; offset <= 5; offset++) {
            int port = portBase + offset;
            try {
                java.net.http.HttpResponse<String> metrics = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                Files.writeString(directory.resolve(port + ".txt"), "# HTTP " + metrics.statusCode() + "\n" + metrics.body());
            }
            catch (java.io.IOException ex) {
                Files.writeString(directory.resolve(port + ".txt"), "# " + ex + "\n");
            }
        }
        CONSOLE.info("  metrics of every part saved in {}", directory);
    }

    private static String value(Prometheus prometheus, String expr) {
        Prometheus.QueryResult result = prometheus.query(expr);
        return result.hasData() ? result.result().path(0).path("value").path(1).asString() : "no data";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2];
        }
        catch (Exception ex) {
            return "n/a";
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                options.put("help", "");
            }
            else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            }
            else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return options;
    }
}
