package com.shopfleet.shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service of the fleet (its {@code <module>/target/<module>.jar}, profile {@code local}) as a child
 * JVM on a port of its own, with a signing key of its own, against the local stack's Redis and
 * Kafka: a load test must not hit another fleet that happens to run on the machine's fixed ports
 * (8080–8085) with another key.
 */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;

    private ServiceProcess(String module, Process process, int port) {
        this.module = module;
        this.process = process;
        this.port = port;
    }

    /** Launches the service; {@link #awaitReady} waits for its readiness probe. */
    static ServiceProcess launch(String module, Path repoRoot, Path dataDir, List<String> jvmOptions,
            Map<String, String> env, int port, PrintStream out) throws IOException {
        String jars = System.getProperty("loadtest.jars");
        Path jar = jars != null && Files.isRegularFile(Path.of(jars, module + ".jar")) ? Path.of(jars, module + ".jar")
                : repoRoot.resolve(module + "/target/" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -q -B install -DskipTests first");
        }
        // a copy in the run's folder: on a shared machine someone may rebuild the module during the run,
        // and a running Boot jar whose file is replaced fails on its next class load
        Path copy = dataDir.resolve(module + ".jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(copy.toString());
        Path log = dataDir.resolve(module + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process process = builder.start();
        out.printf("%s starting on port %d (pid %d, log %s)…%n", module, port, process.pid(), log);
        return new ServiceProcess(module, process, port);
    }

    /** The service's pid and its children's. */
    java.util.Set<Long> pids() {
        java.util.Set<Long> pids = new java.util.LinkedHashSet<>();
        if (process.isAlive()) {
            pids.add(process.pid());
            process.descendants().forEach(child -> pids.add(child.pid()));
        }
        return pids;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IOException(module + " not ready within " + timeout);
    }

    /** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
