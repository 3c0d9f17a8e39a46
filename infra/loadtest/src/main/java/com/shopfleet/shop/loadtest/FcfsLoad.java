package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One measured run of the FCFS scenario: {@code vus} virtual users, each on its own keep-alive
 * connection, for {@code duration}, each request an entry of a user drawn at random from
 * {@code users}, with {@code pause} between a user's requests (zero: unpaced, capacity).
 */
final class FcfsLoad {

    private final URI target;
    private final byte[][] requests;
    private final int vus;
    private final Duration duration;
    private final Duration pause;

    /**
     * @param requests the complete entry request of each user (index = user number), built before
     *                 the measured window (identity token or session cookie included)
     */
    FcfsLoad(URI target, byte[][] requests, int vus, Duration duration, Duration pause) {
        this.target = target;
        this.requests = requests;
        this.vus = vus;
        this.duration = duration;
        this.pause = pause;
    }

    Result run() throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < vus; i++) {
            recorders.add(new Recorder());
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(vus);
        AtomicInteger seed = new AtomicInteger(17);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (Recorder recorder : recorders) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    user(recorder, new SplittableRandom(seed.incrementAndGet()), window[1]);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                finally {
                    done.countDown();
                }
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        done.await();
        long elapsed = System.nanoTime() - window[0];
        return Result.of(recorders, elapsed);
    }

    private void user(Recorder recorder, SplittableRandom random, long deadline) throws InterruptedException {
        try (HttpConnection connection = new HttpConnection(target.getHost(), target.getPort())) {
            while (System.nanoTime() < deadline) {
                int user = random.nextInt(requests.length);
                long started = System.nanoTime();
                String outcome;
                try {
                    HttpConnection.Response response = connection.exchange(requests[user]);
                    outcome = outcome(response);
                    if (response.status() == 201) {
                        recorder.winners.add(user);
                        recorder.winnerLatency.record((System.nanoTime() - started) / 1_000);
                    }
                }
                catch (IOException ex) {
                    outcome = "IO_ERROR";
                }
                recorder.latency.record((System.nanoTime() - started) / 1_000);
                recorder.count(outcome);
                if (!pause.isZero()) {
                    Thread.sleep(pause);
                }
            }
            recorder.connects = connection.connects();
        }
    }

    private static String outcome(HttpConnection.Response response) {
        return switch (response.status()) {
            case 201 -> "201 WON";
            case 409 -> "409 ALREADY_ENTERED";
            case 410 -> response.body().contains("\"EVENT_CLOSED\"") ? "410 EVENT_CLOSED" : "410 SOLD_OUT";
            case 422 -> "422 EVENT_NOT_OPEN";
            case 429 -> "429 RATE_LIMITED";
            default -> response.status() + " " + code(response.body());
        };
    }

    private static String code(String body) {
        int at = body.indexOf("\"code\":\"");
        if (at < 0) {
            return "";
        }
        int end = body.indexOf('"', at + 8);
        return end < 0 ? "" : body.substring(at + 8, end);
    }

    private static final class Recorder {

        final Latencies latency = new Latencies();
        final Latencies winnerLatency = new Latencies();
        final List<Integer> winners = new ArrayList<>();
        final Map<String, Integer> outcomes = new TreeMap<>();
        int connects;

        void count(String outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }
    }

    /**
     * What a run measured.
     *
     * @param winners   the user numbers that got 201, once per 201 (duplicates would show here)
     * @param connects  TCP connections opened (= virtual users when every connection stayed alive)
     */
    record Result(long requests, Duration elapsed, Latencies all, Latencies won, Map<String, Integer> outcomes,
            List<Integer> winners, int connects) {

        static Result of(List<Recorder> recorders, long elapsedNanos) {
            Map<String, Integer> outcomes = new TreeMap<>();
            List<Integer> winners = new ArrayList<>();
            int connects = 0;
            for (Recorder recorder : recorders) {
                recorder.outcomes.forEach((name, count) -> outcomes.merge(name, count, Integer::sum));
                winners.addAll(recorder.winners);
                connects += recorder.connects;
            }
            Latencies all = Latencies.merge(recorders.stream().map(r -> r.latency).toList());
            Latencies won = Latencies.merge(recorders.stream().map(r -> r.winnerLatency).toList());
            return new Result(all.count(), Duration.ofNanos(elapsedNanos), all, won, outcomes, winners, connects);
        }

        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        Set<Integer> distinctWinners() {
            Set<Integer> distinct = ConcurrentHashMap.newKeySet();
            distinct.addAll(winners);
            return distinct;
        }
    }
}
