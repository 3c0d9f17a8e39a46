package com.shopfleet.shop.loadtest;

import java.util.Arrays;

/** Latencies in microseconds, recorded by one thread, merged afterwards for percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void record(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    int count() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> all) {
        Latencies merged = new Latencies();
        for (Latencies one : all) {
            for (int i = 0; i < one.size; i++) {
                merged.record(one.values[i]);
            }
        }
        Arrays.sort(merged.values, 0, merged.size);
        return merged;
    }

    /** The value at a percentile (0–100) of a merged (sorted) set; 0 when empty. */
    long percentile(double percent) {
        if (size == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * size) - 1;
        return values[Math.max(0, Math.min(size - 1, index))];
    }

    long max() {
        return size == 0 ? 0 : values[size - 1];
    }
}
