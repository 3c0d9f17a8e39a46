package com.shopfleet.shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;

/**
 * The whole fleet on one machine: a real Redis, a real single-node KRaft Kafka and every
 * service as child processes, each launched once what it depends on is ready.
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(LocalStackOptions.defaults().withDataDir(tmp)).start()) {
 *   // http://localhost:8080 ...
 * }
 * }</pre>
 * {@link #close()} stops everything it started, dependents before their dependencies
 * (gateway, then the services, then Kafka and Redis): SIGTERM, a grace period, then SIGKILL,
 * children of those processes included.
 */
public final class LocalStack implements AutoCloseable {

    /** Where the stack reports its progress (and, as a command, everything it has to say). */
    static final Logger LOG = LoggerFactory.getLogger("local-stack");

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final long MAX_POLL_MILLIS = 250;

    private final LocalStackOptions options;
    private final Function<StackContext, List<ProcessSpec>> fleet;

    /** Guards {@link #closing}, {@link #running} and {@link #helpers}: nothing is spawned once closing. */
    private final Object spawnLock = new Object();
    private boolean closing;
    private final Map<String, RunningProcess> running = new LinkedHashMap<>();
    private final Set<Process> helpers = new HashSet<>();

    private volatile boolean started;
    private volatile boolean closed;
    private long startedAt;
    private Duration startupTime;
    private StackContext context;
    private DataDir dataDir;
    private List<ProcessSpec> specs = List.of();
    private ExecutorService executor;

    public LocalStack(LocalStackOptions options) {
        this(options, Fleet::standard);
    }

    /** With another fleet than {@link Fleet#standard(StackContext)} (tests, experiments). */
    public LocalStack(LocalStackOptions options, Function<StackContext, List<ProcessSpec>> fleet) {
        this.options = options;
        this.fleet = fleet;
    }

    /**
     * Starts every selected process and returns once all are ready.
     *
     * @throws LocalStackException if one fails or times out (everything started is stopped again)
     */
    public LocalStack start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        startedAt = System.nanoTime();
        Path repoRoot = findRepoRoot(options);
        Path dataPath = (options.dataDir() != null ? options.dataDir() : repoRoot.resolve(".local"))
                .toAbsolutePath().normalize();
        dataDir = DataDir.open(dataPath, options.reset(), options.progress());
        if (Runtime.version().feature() < 24) {
            options.progress().accept("note: the services run on Java " + Runtime.version().feature()
                    + " (the launcher's); virtual threads pin on synchronized before Java 24 - prefer a JDK 25");
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-stack");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int redisPort = options.redisPort() != 0 ? options.redisPort() : Probes.freePort();
            int controllerPort = Probes.freePort();
            Path kafkaLibs = options.kafkaLibs() != null ? options.kafkaLibs().toAbsolutePath()
                    : repoRoot.resolve("infra/local-stack/target/kafka-libs");
            context = new StackContext(options, repoRoot, dataPath, kafkaLibs, javaCommand(), redisPort,
                    options.kafkaPort(), controllerPort, randomSigningKey(), DemoAccounts.loadOrCreate(dataPath),
                    this::runHelper);
            specs = select(fleet.apply(context), options.only());
            checkPortsAreFree(specs);
            launchAll();
            startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void launchAll() {
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        CompletableFuture<Throwable> firstFailure = new CompletableFuture<>();
        for (ProcessSpec spec : specs) {
            CompletableFuture<?>[] needs = spec.dependsOn().stream().map(ready::get).toArray(CompletableFuture[]::new);
            CompletableFuture<Void> future = CompletableFuture.allOf(needs)
                    .thenRunAsync(() -> launchAndAwaitReady(spec), executor);
            future.whenComplete((ok, failure) -> {
                if (failure != null) {
                    firstFailure.complete(failure);
                }
            });
            ready.put(spec.name(), future);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new));
        // returns at the first failure (not only once everything has failed or timed out)
        CompletableFuture.anyOf(all, firstFailure).handle((ok, failure) -> null).join();
        Throwable failure = firstFailure.isDone() ? firstFailure.join()
                : all.handle((ok, allFailure) -> allFailure).join();
        if (failure != null) {
            while (failure instanceof CompletionException && failure.getCause() != null) {
                failure = failure.getCause();
            }
            if (failure instanceof LocalStackException e) {
                throw e;
            }
            throw new LocalStackException(failure.toString(), failure);
        }
    }

    private void launchAndAwaitReady(ProcessSpec spec) {
        ensureNotClosing();
        Path log = context.logFile(spec.name());
        rotate(log);
        options.progress().accept("starting " + spec.name()
                + (spec.dependsOn().isEmpty() ? "" : " (after " + String.join(", ", spec.dependsOn()) + ")"));
        ProcessSpec.Command command;
        try {
            command = spec.launcher().prepare(context);
        } catch (LocalStackException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalStackException("Could not prepare " + spec.name() + ": " + e, e);
        }
        RunningProcess process = spawn(spec, command, log);
        try {
            awaitReady(process);
        } finally {
            if (spec.readiness() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // a probe client; nothing to do
                }
            }
        }
        process.markReady();
        options.progress().accept(String.format(Locale.ROOT, "%s ready in %.1f s (pid %d%s)", spec.name(),
                seconds(process.startupTime()), process.process.pid(), spec.port() > 0 ? ", port " + spec.port() : ""));
        process.process.onExit().thenAccept(exited -> {
            if (!isClosing() && !process.stopRequested) {
                options.progress().accept("WARNING: " + spec.name() + " stopped unexpectedly (exit code "
                        + exited.exitValue() + "). Log: " + log);
            }
        });
    }

    private RunningProcess spawn(ProcessSpec spec, ProcessSpec.Command command, Path log) {
        ProcessBuilder builder = processBuilder(command.argv(), log);
        builder.environment().putAll(command.environment());
        synchronized (spawnLock) {
            ensureNotClosing();
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                RunningProcess running = new RunningProcess(spec, process, log, System.nanoTime());
                this.running.put(spec.name(), running);
                dataDir.recordPid(spec.name(), process.toHandle());
                return running;
            } catch (IOException e) {
                throw new LocalStackException("Could not launch " + spec.name() + " (" + command.argv().getFirst() + "): " + e, e);
            }
        }
    }

    private ProcessBuilder processBuilder(List<String> argv, Path log) {
        return new ProcessBuilder(OsProcesses.inOwnSession(argv))
                .directory(context.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Polls the readiness check until it passes; fails fast if the process dies. */
    private void awaitReady(RunningProcess process) {
        ProcessSpec spec = process.spec;
        long deadline = process.launchedAt + spec.readyTimeout().toNanos();
        String lastProblem = "no answer yet";
        long pause = 20;
        while (true) {
            ensureNotClosing();
            if (!process.process.isAlive()) {
                throw new LocalStackException(spec.name() + " exited with code " + process.process.exitValue()
                        + " before it was ready." + logHint(process.log));
            }
            try {
                spec.readiness().check(context);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for " + spec.name());
            } catch (Exception e) {
                lastProblem = e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException(spec.name() + " was not ready within " + format(spec.readyTimeout())
                        + " (last check: " + lastProblem + ")." + logHint(process.log));
            }
            try {
                process.process.onExit().get(pause, TimeUnit.MILLISECONDS); // returns early if it dies
            } catch (TimeoutException e) {
                // still running: check again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for " + spec.name());
            } catch (ExecutionException e) {
                // cannot happen for onExit()
            }
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }

    private int runHelper(String logName, List<String> argv, Duration timeout) throws Exception {
        ProcessBuilder builder = processBuilder(argv, context.logFile(logName));
        Process process;
        synchronized (spawnLock) {
            ensureNotClosing();
            process = builder.start();
            process.getOutputStream().close();
            helpers.add(process);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                OsProcesses.stop(process.toHandle(), Duration.ZERO);
                throw new LocalStackException(String.join(" ", argv.subList(Math.max(0, argv.size() - 4), argv.size()))
                        + " did not finish within " + timeout.toSeconds() + " s." + logHint(context.logFile(logName)));
            }
            return process.exitValue();
        } finally {
            synchronized (spawnLock) {
                helpers.remove(process);
            }
        }
    }

    /**
     * Stops everything this stack started, dependents first; waits for each to exit. Safe to call
     * more than once and from a shutdown hook, also while {@link #start()} is still running.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<RunningProcess> toStop;
        synchronized (spawnLock) {
            closing = true;
            helpers.forEach(helper -> OsProcesses.stop(helper.toHandle(), Duration.ZERO));
            toStop = new ArrayList<>(running.values());
        }
        while (!toStop.isEmpty()) {
            List<RunningProcess> remaining = toStop;
            List<RunningProcess> wave = remaining.stream()
                    .filter(p -> remaining.stream().noneMatch(other -> other.spec.dependsOn().contains(p.name())))
                    .toList();
            if (wave.isEmpty()) {
                wave = remaining;
            }
            List<Thread> stoppers = new ArrayList<>();
            for (RunningProcess process : wave) {
                stoppers.add(Thread.ofPlatform().name("stop-" + process.name()).start(() -> stop(process)));
            }
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<RunningProcess> stopped = wave;
            toStop = remaining.stream().filter(p -> !stopped.contains(p)).toList();
        }
        for (ProcessSpec spec : specs) {
            if (spec.readiness() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // a probe client; nothing to do
                }
            }
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (dataDir != null) {
            dataDir.close();
        }
        closed = true;
    }

    /**
     * Stops one running process the way {@link #close()} would (SIGTERM, then SIGKILL after the
     * grace period) and leaves the rest running: to see how the fleet copes with a dead service.
     */
    public void stop(String name) {
        RunningProcess process;
        synchronized (spawnLock) {
            process = running.get(name);
        }
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name + " was started");
        }
        stop(process);
    }

    /** Starts a process of this stack again (after {@link #stop(String)} or a crash) and waits until it is ready. */
    public void restart(String name) {
        ProcessSpec spec = specs.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + name + " in this stack"));
        RunningProcess previous;
        synchronized (spawnLock) {
            previous = running.get(name);
        }
        if (previous != null && previous.process.isAlive()) {
            stop(previous);
        }
        launchAndAwaitReady(spec);
    }

    private void stop(RunningProcess process) {
        process.stopRequested = true;
        if (!process.process.isAlive()) {
            dataDir.forgetPid(process.name());
            return;
        }
        long begin = System.nanoTime();
        options.progress().accept("stopping " + process.name() + " (pid " + process.process.pid() + ")");
        boolean graceful = OsProcesses.stop(process.process.toHandle(), STOP_GRACE);
        dataDir.forgetPid(process.name());
        options.progress().accept(String.format(Locale.ROOT, "%s %s after %.1f s", process.name(),
                graceful ? "stopped" : "did not stop in " + STOP_GRACE.toSeconds() + " s: killed",
                seconds(Duration.ofNanos(System.nanoTime() - begin))));
    }

    boolean isClosing() {
        synchronized (spawnLock) {
            return closing;
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void ensureNotClosing() {
        if (isClosing()) {
            throw new LocalStackException("the local stack is being stopped");
        }
    }

    // ---- what the stack looks like ----

    /** A started process as shown in the summary. */
    public record ProcessInfo(String name, int port, long pid, boolean alive, Duration startupTime,
            Duration readyAfter, long rssKb, Path log) {
    }

    public List<ProcessInfo> processes() {
        List<RunningProcess> snapshot;
        synchronized (spawnLock) {
            snapshot = new ArrayList<>(running.values());
        }
        return snapshot.stream()
                .map(p -> new ProcessInfo(p.name(), p.spec.port(), p.process.pid(), p.process.isAlive(),
                        p.startupTime(), p.isReady() ? Duration.ofNanos(p.readyAt() - startedAt) : null,
                        OsProcesses.rssKb(p.process.pid()), p.log))
                .toList();
    }

    /** The pids of every process this stack started and of their children, right now. */
    public Set<Long> processTreePids() {
        Set<Long> pids = new LinkedHashSet<>();
        List<RunningProcess> snapshot;
        synchronized (spawnLock) {
            snapshot = new ArrayList<>(running.values());
        }
        for (RunningProcess p : snapshot) {
            pids.add(p.process.pid());
            p.process.descendants().forEach(d -> pids.add(d.pid()));
        }
        return pids;
    }

    public StackContext context() {
        return context;
    }

    public Path dataDir() {
        return context.dataDir();
    }

    public Path logsDir() {
        return context.logsDir();
    }

    public int redisPort() {
        return context.redisPort();
    }

    public String kafkaBootstrapServers() {
        return context.kafkaBootstrapServers();
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** The gateway, e.g. {@code http://localhost:8080} with the default port base. */
    public String gatewayUrl() {
        return "http://localhost:" + Fleet.GATEWAY.port(options.portBase());
    }

    /** Where {@code service} of the standard fleet listens. */
    public String serviceUrl(Fleet.Service service) {
        return "http://localhost:" + service.port(options.portBase());
    }

    /** The notification worker's local-profile inbox (its in-process SMTP server's mail, and SMS). */
    public String localMailUrl() {
        return serviceUrl(Fleet.service(Fleet.NOTIFICATION)) + "/local/mail";
    }

    /** What {@code main} prints once everything is ready. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nThe shop fleet is up (%.1f s).%n", seconds(startupTime)));
        boolean gateway = specs.stream().anyMatch(s -> s.name().equals(Fleet.GATEWAY.module()));
        if (gateway) {
            out.append("  Gateway     ").append(gatewayUrl()).append('\n');
            out.append("  Swagger UI  ").append(gatewayUrl()).append("/swagger-ui.html\n");
        }
        if (specs.stream().anyMatch(s -> s.name().equals(Fleet.NOTIFICATION))) {
            out.append("  Local mail  ").append(localMailUrl()).append("  (every mail and SMS the fleet sent)\n");
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  %-20s %6s %8s %9s %9s %8s%n", "process", "port", "pid", "ready in", "ready at", "RSS"));
        for (ProcessInfo p : processes()) {
            out.append(String.format(Locale.ROOT, "  %-20s %6s %8d %8.1fs %8.1fs %8s%n", p.name(),
                    p.port() > 0 ? Integer.toString(p.port()) : "-", p.pid(), seconds(p.startupTime()),
                    seconds(p.readyAfter()), p.rssKb() < 0 ? "?" : (p.rssKb() / 1024) + " MB"));
        }
        out.append('\n');
        if (specs.stream().anyMatch(s -> s.name().equals(Fleet.AUTH))) {
            DemoAccounts demo = context.demoAccounts();
            out.append("  Demo staff (ADMIN)  ").append(demo.staff().email()).append(" / ").append(demo.staff().password()).append('\n');
            out.append("  Demo shopper        ").append(demo.shopper().email()).append(" / ").append(demo.shopper().password()).append('\n');
        }
        if (specs.stream().anyMatch(s -> s.name().equals(Fleet.KAFKA))) {
            out.append("  Kafka       ").append(kafkaBootstrapServers()).append('\n');
        }
        if (specs.stream().anyMatch(s -> s.name().equals(Fleet.REDIS))) {
            out.append("  Redis       127.0.0.1:").append(redisPort()).append('\n');
        }
        out.append("  Logs        ").append(logsDir()).append('\n');
        out.append("  Data        ").append(dataDir()).append("  (kept across restarts; --reset wipes it)\n");
        return out.toString();
    }

    // ---- helpers ----

    /** The selected processes and what they depend on, in an order where dependencies come first. */
    static List<ProcessSpec> select(List<ProcessSpec> all, Collection<String> only) {
        Map<String, ProcessSpec> byName = new LinkedHashMap<>();
        for (ProcessSpec spec : all) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two processes are named " + spec.name());
            }
        }
        for (ProcessSpec spec : all) {
            for (String need : spec.dependsOn()) {
                if (!byName.containsKey(need)) {
                    throw new IllegalArgumentException(spec.name() + " depends on unknown process " + need);
                }
            }
        }
        for (String name : only) {
            if (!byName.containsKey(name)) {
                throw new LocalStackException("Unknown process '" + name + "'. Known: " + String.join(", ", byName.keySet()));
            }
        }
        Collection<String> roots = only.isEmpty() ? byName.keySet() : only;
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        // visit in declaration order so the result keeps the fleet's order where it can
        for (String name : byName.keySet()) {
            if (roots.contains(name)) {
                visit(name, byName, visiting, ordered);
            }
        }
        return ordered.stream().map(byName::get).toList();
    }

    private static void visit(String name, Map<String, ProcessSpec> byName, Set<String> visiting, Set<String> ordered) {
        if (ordered.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new IllegalArgumentException("dependency cycle through " + name);
        }
        for (String need : byName.get(name).dependsOn()) {
            visit(need, byName, visiting, ordered);
        }
        visiting.remove(name);
        ordered.add(name);
    }

    private static void checkPortsAreFree(List<ProcessSpec> specs) {
        List<String> taken = specs.stream()
                .filter(s -> s.port() > 0 && !Probes.portIsFree(s.port()))
                .map(s -> s.port() + " (" + s.name() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new LocalStackException("Port(s) already in use: " + String.join(", ", taken)
                    + ". Stop what listens there (see `ss -ltnp`), or choose other ports (--kafka-port, --redis-port).");
        }
    }

    static Path findRepoRoot(LocalStackOptions options) {
        if (options.repoRoot() != null) {
            return options.repoRoot().toAbsolutePath().normalize();
        }
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // not loaded from a file
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("infra/local-stack/pom.xml"))) {
                    return dir;
                }
            }
        }
        throw new LocalStackException("Cannot find the shop-fleet repository (a folder with infra/local-stack/pom.xml)"
                + " above " + starts.stream().map(Path::toString).collect(Collectors.joining(" or "))
                + ". Run from inside it or pass --repo-root.");
    }

    private static String javaCommand() {
        if (Runtime.version().feature() < 21) {
            throw new LocalStackException("The local stack needs Java 21+, this is " + Runtime.version());
        }
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String randomSigningKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Keeps the previous run's log as {@code <name>.previous.log}. */
    private static void rotate(Path log) {
        try {
            if (Files.exists(log) && Files.size(log) > 0) {
                String name = log.getFileName().toString().replaceFirst("\\.log$", "");
                Files.move(log, log.resolveSibling(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logHint(Path log) {
        StringBuilder hint = new StringBuilder("\n  Log: ").append(log);
        List<String> tail = OsProcesses.tail(log, 15);
        if (!tail.isEmpty()) {
            hint.append("\n  Last lines:");
            tail.forEach(line -> hint.append("\n    ").append(line));
        }
        return hint.toString();
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", seconds(duration));
    }

    private static double seconds(Duration duration) {
        return duration == null ? Double.NaN : duration.toNanos() / 1e9;
    }
}
