package com.shopfleet.shop.loadtest;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import com.shopfleet.shop.contracts.identity.IdentityToken;

/**
 * The old system's scenario against the event service, direct mode: {@code users} users (identity
 * tokens minted with the shared key, as the gateway mints them), a warm-up, then the paced run
 * (500 virtual users, 30 s, 100 ms pause, 1,000 prizes) and the unpaced run (no pause), each on a
 * fresh event; then the correctness checks; one table at the end.
 */
final class FcfsScenario {

    /**
     * @param gateway when set, the paced run goes through the gateway with signed-in users (sessions,
     *                CSRF, the per-user entry budget); the unpaced one always goes to the service
     * @param userPassword the password of the seeded users {@code loadtest-<n>@loadtest.local} (auth's
     *                loadtest profile), who then only log in; {@code null}: they sign up first
     * @param memory  the fleet's processes, for their RSS before and during each run
     */
    record Options(URI eventService, URI gateway, URI orderService, String signingKey, String kafka,
            String userPassword, FleetMemory memory, int users,
            int vus, Duration duration,
            Duration pause, int prizes, long prizePoints, Duration warmup, boolean paced, boolean unpaced) {
    }

    private final Options options;
    private final PrintStream out;
    private final EventServiceApi api;
    /** The user id behind each user number; the gateway's users, when there is one. */
    private long[] userIds;
    private List<GatewayUsers.User> gatewayUsers;

    FcfsScenario(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.api = new EventServiceApi(options.eventService(), options.signingKey());
    }

    void run() throws Exception {
        userIds = new long[options.users()];
        if (options.gateway() != null) {
            long started = System.nanoTime();
            if (options.userPassword() != null) {
                out.printf("Preparing %,d users: encrypted login through the gateway (seeded accounts)…%n", options.users());
                gatewayUsers = new GatewayUsers(options.gateway()).logIn(options.users(), options.userPassword(), 8, out);
            }
            else {
                out.printf("Preparing %,d users: sign-up and encrypted login through the gateway…%n", options.users());
                gatewayUsers = new GatewayUsers(options.gateway()).prepare(options.users(), 4, out);
            }
            for (int user = 0; user < userIds.length; user++) {
                userIds[user] = gatewayUsers.get(user).id();
            }
            out.printf("  done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        else {
            out.printf("Preparing %,d users (identity tokens as the gateway mints them)…%n", options.users());
            for (int user = 0; user < userIds.length; user++) {
                userIds[user] = 1_000_000L + user;
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        if (!options.warmup().isZero()) {
            long warm = openEvent("warm-up");
            if (options.gateway() != null) {
                out.printf("Warm-up: %s through the gateway on event %d…%n", options.warmup(), warm);
                new FcfsLoad(options.gateway(), gatewayRequests(warm), options.vus(), options.warmup(), options.pause())
                        .run();
            }
            out.printf("Warm-up: %s unpaced on event %d…%n", options.warmup(), warm);
            new FcfsLoad(options.eventService(), directRequests(warm), options.vus(), options.warmup(), Duration.ZERO)
                    .run();
            api.close(warm);
        }
        if (options.paced()) {
            columns.put("paced (" + options.pause().toMillis() + " ms pause)", measure(options.pause(),
                    options.gateway() != null));
        }
        if (options.unpaced()) {
            columns.put("unpaced", measure(Duration.ZERO, false));
        }
        print(columns);
    }

    private Column measure(Duration pause, boolean throughGateway) throws Exception {
        String title = title(pause.isZero() ? "unpaced" : "paced");
        long event = api.createEvent(title, options.prizePoints(), options.prizes(), Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofHours(1)));
        byte[][] requests = throughGateway ? gatewayRequests(event) : directRequests(event);
        URI target = throughGateway ? options.gateway() : options.eventService();
        out.printf("Measuring: %d virtual users, %s, pause %s, event %d (%,d prizes), %s…%n", options.vus(),
                options.duration(), pause, event, options.prizes(), throughGateway ? "through the gateway" : "direct");
        String loadBefore = FleetMemory.loadAverage();
        long rssBefore = options.memory().rss();
        FcfsLoad.Result result;
        long rssPeak;
        try (FleetMemory.Peak peak = options.memory().sample()) {
            result = new FcfsLoad(target, requests, options.vus(), options.duration(), pause).run();
            peak.close();
            rssPeak = peak.max();
        }
        String loadAfter = FleetMemory.loadAverage();
        JsonNode reconciliation = api.reconciliationWhenDrained(event, Duration.ofSeconds(60));
        EventServiceApi.WinnerRows rows = api.winners(event);
        Set<Long> answered = new TreeSet<>();
        result.winners().forEach(user -> answered.add(userIds[user]));
        Set<Long> lost = new LinkedHashSet<>(answered);
        lost.removeAll(rows.users());
        long[] kafka = options.kafka() == null ? null
                : PrizeWonCounter.count(options.kafka(), event, options.prizes(), Duration.ofSeconds(60));
        long[] points = options.orderService() == null ? null
                : new PointsCheck(options.orderService(), options.signingKey())
                        .credited(rows.users(), title, options.prizes(), Duration.ofSeconds(90));
        return new Column(throughGateway ? "gateway (session, CSRF, rate limit)" : "event-service (direct)", event,
                result, reconciliation, rows, answered.size(), lost.size(), kafka, points, rssBefore, rssPeak, loadBefore,
                loadAfter);
    }

    private long openEvent(String name) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return api.createEvent(title(name), options.prizePoints(), options.prizes(), now.minusSeconds(1),
                now.plus(Duration.ofHours(1)));
    }

    private static String title(String name) {
        return "load test " + name + " " + Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Each user's complete entry request, identity token included, built before the window. */
    private byte[][] directRequests(long event) {
        byte[][] requests = new byte[options.users()][];
        String host = options.eventService().getHost();
        int port = options.eventService().getPort();
        String path = "/api/events/" + event + "/entries";
        for (int user = 0; user < options.users(); user++) {
            requests[user] = HttpConnection.request("POST", host, port, path, IdentityToken.HEADER,
                    api.userToken(userIds[user]));
        }
        return requests;
    }

    /** Each signed-in user's entry request through the gateway: session cookie and CSRF pair. */
    private byte[][] gatewayRequests(long event) {
        byte[][] requests = new byte[options.users()][];
        String host = options.gateway().getHost();
        int port = options.gateway().getPort();
        String path = "/api/events/" + event + "/entries";
        for (int user = 0; user < options.users(); user++) {
            GatewayUsers.User signedIn = gatewayUsers.get(user);
            requests[user] = HttpConnection.request("POST", host, port, path,
                    "Cookie", "SESSION=" + signedIn.session() + "; XSRF-TOKEN=" + signedIn.xsrf(),
                    "X-XSRF-TOKEN", signedIn.xsrf());
        }
        return requests;
    }

    private void print(Map<String, Column> columns) {
        List<String> names = new ArrayList<>(columns.keySet());
        List<Column> values = new ArrayList<>(columns.values());
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[names.size() + 1];
        header[0] = "";
        for (int i = 0; i < names.size(); i++) {
            header[i + 1] = names.get(i);
        }
        rows.add(header);
        rows.add(row(values, "target", Column::target));
        rows.add(row(values, "virtual users × duration", c -> options.vus() + " × " + seconds(c.result().elapsed())));
        rows.add(row(values, "requests", c -> String.format("%,d", c.result().requests())));
        rows.add(row(values, "req/s", c -> String.format("%,.0f", c.result().perSecond())));
        rows.add(row(values, "all: p50 / p90 / p99 / max", c -> latencies(c.result().all())));
        rows.add(row(values, "winners: p50 / p90 / p99 / max", c -> latencies(c.result().won())));
        Set<String> outcomes = new TreeSet<>();
        columns.values().forEach(c -> outcomes.addAll(c.result().outcomes().keySet()));
        for (String outcome : outcomes) {
            rows.add(row(values, outcome, c -> String.format("%,d", c.result().outcomes().getOrDefault(outcome, 0))));
        }
        rows.add(row(values, "connections opened", c -> String.format("%,d", c.result().connects())));
        rows.add(row(values, "fleet RSS before / peak during", c -> String.format("%,d / %,d MB", c.rssBefore() >> 20,
                c.rssPeak() >> 20)));
        rows.add(row(values, "load average before / after", c -> c.loadBefore() + " / " + c.loadAfter()));
        rows.add(row(values, "— correctness —", c -> ""));
        rows.add(row(values, "201 answers / distinct users",
                c -> check(c.result().winners().size() + " / " + c.answeredDistinct(),
                        c.result().winners().size() == options.prizes() && c.answeredDistinct() == options.prizes())));
        rows.add(row(values, "winners in DB",
                c -> check(Long.toString(c.rows().rows()), c.rows().rows() == options.prizes())));
        rows.add(row(values, "duplicates in DB", c -> {
            long duplicates = c.rows().rows() - c.rows().users().size();
            return check(Long.toString(duplicates), duplicates == 0);
        }));
        rows.add(row(values, "winners answered but not in DB", c -> check(Long.toString(c.lost()), c.lost() == 0)));
        rows.add(row(values, "quantity − remaining = stored", c -> {
            long stored = c.reconciliation().get("stored").asLong();
            long admitted = options.prizes() - c.reconciliation().get("remaining").asLong();
            return check(admitted + " = " + stored, admitted == stored && c.reconciliation().get("reconciled").asBoolean());
        }));
        rows.add(row(values, "PrizeWon on Kafka (distinct)", c -> c.kafka() == null ? "not checked (no --kafka)"
                : check(c.kafka()[0] + " (" + c.kafka()[1] + ")",
                        c.kafka()[0] == options.prizes() && c.kafka()[1] == options.prizes())));
        rows.add(row(values, "points credited (users)", c -> c.points() == null ? "not checked (no order-service)"
                : check(String.format("%,d (%,d users, %,d points)", c.points()[0], c.points()[1], c.points()[2]),
                        c.points()[0] == options.prizes() && c.points()[1] == options.prizes()
                                && c.points()[2] == options.prizes() * options.prizePoints())));
        int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int[] widths = new int[names.size()];
        for (String[] row : rows) {
            for (int i = 1; i < row.length; i++) {
                widths[i - 1] = Math.max(widths[i - 1], row[i].length());
            }
        }
        out.println();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + first + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append(" | ").append(String.format("%-" + widths[i - 1] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String[] row(List<Column> columns, String label, Function<Column, String> value) {
        String[] row = new String[columns.size() + 1];
        row[0] = label;
        for (int i = 0; i < columns.size(); i++) {
            row[i + 1] = value.apply(columns.get(i));
        }
        return row;
    }

    private static String check(String value, boolean ok) {
        return value + (ok ? "  ok" : "  FAILED");
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String latencies(Latencies latencies) {
        return String.format("%s / %s / %s / %s ms", ms(latencies.percentile(50)), ms(latencies.percentile(90)),
                ms(latencies.percentile(99)), ms(latencies.max()));
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    record Column(String target, long event, FcfsLoad.Result result, JsonNode reconciliation, EventServiceApi.WinnerRows rows,
            int answeredDistinct, int lost, long[] kafka, long[] points, long rssBefore, long rssPeak, String loadBefore,
            String loadAfter) {
    }
}
