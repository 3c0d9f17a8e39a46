package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The resident memory of the fleet under test (every process this tool started, children included):
 * the sum of their {@code VmRSS} from {@code /proc}, once before a run and at its peak during it
 * (sampled every 500 ms). Zero where {@code /proc} is not there.
 */
final class FleetMemory {

    private final Supplier<Set<Long>> pids;

    FleetMemory(Supplier<Set<Long>> pids) {
        this.pids = pids;
    }

    /** The fleet's RSS now, in bytes. */
    long rss() {
        long total = 0;
        for (long pid : pids.get()) {
            total += rss(pid);
        }
        return total;
    }

    /** Samples {@link #rss()} until closed; {@link Peak#max()} is the highest seen. */
    Peak sample() {
        return new Peak();
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException gone) {
            // the process ended, or no /proc
        }
        return 0;
    }

    /** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them (empty without /proc). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        }
        catch (IOException | RuntimeException unavailable) {
            return "";
        }
    }

    /** The 1-minute load average ({@code n/a} without /proc). */
    static String oneMinuteLoad() {
        String all = loadAverage();
        return all.isEmpty() ? "n/a" : all.substring(0, all.indexOf(','));
    }

    final class Peak implements AutoCloseable {

        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private Peak() {
            sampler = Thread.ofPlatform().daemon().name("fleet-rss").start(() -> {
                while (running) {
                    max.accumulateAndGet(rss(), Math::max);
                    try {
                        Thread.sleep(500);
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
        }

        long max() {
            return max.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            max.accumulateAndGet(rss(), Math::max);
        }
    }
}
