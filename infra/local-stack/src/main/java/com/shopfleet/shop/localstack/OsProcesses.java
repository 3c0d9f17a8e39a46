package com.shopfleet.shop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping process trees, reading RSS, running children in their own session. */
final class OsProcesses {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private OsProcesses() {
    }

    /**
     * SIGTERM, up to {@code grace} for a graceful exit, then SIGKILL; then the same for every
     * descendant it had (taken before the signal: once the parent exits they are re-parented
     * and no longer its descendants).
     *
     * @return whether the process exited within the grace period
     */
    static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean graceful = awaitExit(process, grace);
        if (!graceful) {
            process.destroyForcibly();
            awaitExit(process, KILL_WAIT);
        }
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
                left.add(descendant);
            }
        }
        for (ProcessHandle descendant : left) {
            if (!awaitExit(descendant, KILL_WAIT)) {
                descendant.destroyForcibly();
                awaitExit(descendant, KILL_WAIT);
            }
        }
        return graceful;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Resident set size in kB from /proc (Linux), -1 where unknown. */
    static long rssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }

    /**
     * Runs the command in a session of its own where setsid(1) exists (Linux), so a Ctrl-C in
     * the terminal reaches only the launcher, which then stops everything in order. setsid
     * execs in place (the launched process is not a group leader), so the pid stays the same.
     */
    static List<String> inOwnSession(List<String> argv) {
        for (Path setsid : SETSID) {
            if (Files.isExecutable(setsid)) {
                List<String> wrapped = new ArrayList<>();
                wrapped.add(setsid.toString());
                wrapped.addAll(argv);
                return wrapped;
            }
        }
        return argv;
    }

    /** The last lines of a (log) file, for error messages. */
    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
