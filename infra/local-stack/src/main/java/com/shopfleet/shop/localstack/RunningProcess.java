package com.shopfleet.shop.localstack;

import java.nio.file.Path;
import java.time.Duration;

/** A launched child process of the stack and its timings (nanoTime). */
final class RunningProcess {

    final ProcessSpec spec;
    final Process process;
    final Path log;
    final long launchedAt;
    private volatile long readyAt = -1;
    /** Set when the stack itself stops it, so its exit is not reported as unexpected. */
    volatile boolean stopRequested;

    RunningProcess(ProcessSpec spec, Process process, Path log, long launchedAt) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    String name() {
        return spec.name();
    }

    void markReady() {
        readyAt = System.nanoTime();
    }

    boolean isReady() {
        return readyAt >= 0;
    }

    long readyAt() {
        return readyAt;
    }

    Duration startupTime() {
        return readyAt < 0 ? null : Duration.ofNanos(readyAt - launchedAt);
    }
}
