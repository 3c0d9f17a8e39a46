package com.shopfleet.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the stack runs services, with a stand-in JVM (src/test/resources/fake-service) in place
 * of a Spring Boot jar: launched after its dependencies, given the service environment, polled
 * on its readiness endpoint and stopped with its children; a crash is reported with its log.
 */
class LocalStackServicesTests {

    @TempDir
    Path dataDir;

    @Test
    void startsAServiceOnceRedisIsReadyWithTheServiceEnvironmentAndStopsItWithItsChildren() throws Exception {
        int port = Probes.freePort();
        LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withProgress(line -> { });

        Properties env = new Properties();
        Set<Long> pids;
        try (LocalStack stack = new LocalStack(options, context -> List.of(
                Redis.spec(context), fakeService("fake-service", port, List.of(Fleet.REDIS)))).start()) {
            env.load(new java.io.StringReader(get("http://127.0.0.1:" + port + "/env")));
            assertThat(stack.processes()).extracting(LocalStack.ProcessInfo::name).containsExactly("redis", "fake-service");
            LocalStack.ProcessInfo redis = stack.processes().get(0);
            LocalStack.ProcessInfo fake = stack.processes().get(1);
            assertThat(fake.readyAfter()).isGreaterThan(redis.readyAfter());
            assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "local")
                    .containsEntry("SHOP_DATA_DIR", dataDir.toString())
                    .containsEntry("SPRING_DATA_REDIS_HOST", "127.0.0.1")
                    .containsEntry("SPRING_DATA_REDIS_PORT", Integer.toString(stack.redisPort()))
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + LocalStackOptions.DEFAULT_KAFKA_PORT)
                    .containsEntry("SERVER_PORT", Integer.toString(port))
                    .containsEntry("data-dir.property", dataDir.toString());
            assertThat(env.getProperty("SHOP_IDENTITY_SIGNING_KEY")).matches("[A-Za-z0-9_-]{43}");
            pids = stack.processTreePids();
            assertThat(pids).contains(Long.parseLong(env.getProperty("child.pid")));
            assertThat(fake.log()).content().contains("fake service up on " + port);
        }
        assertThat(pids).hasSizeGreaterThanOrEqualTo(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void stopsOneServiceAndStartsItAgainWhileTheRestKeepsRunning() throws Exception {
        int port = Probes.freePort();
        LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withProgress(line -> { });
        try (LocalStack stack = new LocalStack(options, context -> List.of(
                Redis.spec(context), fakeService("fake-service", port, List.of(Fleet.REDIS)))).start()) {
            long redisPid = stack.processes().get(0).pid();
            long firstPid = stack.processes().get(1).pid();

            stack.stop("fake-service");
            assertThat(ProcessHandle.of(firstPid)).isEmpty();
            assertThatThrownBy(() -> get("http://127.0.0.1:" + port + "/env")).isInstanceOf(java.io.IOException.class);

            stack.restart("fake-service");
            assertThat(get("http://127.0.0.1:" + port + "/env")).contains("SERVER_PORT=" + port);
            assertThat(stack.processes()).extracting(LocalStack.ProcessInfo::pid).contains(redisPid).doesNotContain(firstPid);
        }
    }

    @Test
    void reportsAServiceThatDiesBeforeItIsReadyWithItsLogAndStopsTheRest() {
        int port = Probes.freePort();
        LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withProgress(line -> { });
        LocalStack stack = new LocalStack(options, context -> List.of(
                Redis.spec(context), fakeService("fake-service", port, List.of(Fleet.REDIS), "fail")));

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("fake-service exited with code 3 before it was ready")
                .hasMessageContaining(dataDir.resolve("logs").resolve("fake-service.log").toString())
                .hasMessageContaining("boom: the fake service cannot start");
        assertThat(stack.processes()).isNotEmpty().noneMatch(LocalStack.ProcessInfo::alive);
    }

    @Test
    void reportsAServiceThatIsNotReadyInTime() {
        LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withProgress(line -> { });
        ProcessSpec sleeper = new ProcessSpec("sleeper", 0, List.of(),
                context -> new ProcessSpec.Command(List.of("sleep", "300"), Map.of()),
                context -> {
                    throw new IOException("never ready");
                },
                Duration.ofMillis(500));
        LocalStack stack = new LocalStack(options, context -> List.of(sleeper));

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("sleeper was not ready within 0.5 s (last check: IOException: never ready)")
                .hasMessageContaining("sleeper.log");
        assertThat(stack.processes()).noneMatch(LocalStack.ProcessInfo::alive);
    }

    private static ProcessSpec fakeService(String name, int port, List<String> dependsOn, String... args) {
        Path source = fakeServiceSource();
        return Fleet.springBootProcess(name, port, dependsOn, Map.of(),
                context -> {
                    List<String> main = new java.util.ArrayList<>(List.of(source.toString()));
                    main.addAll(List.of(args));
                    return main;
                },
                Duration.ofSeconds(60));
    }

    private static Path fakeServiceSource() {
        try {
            return Path.of(LocalStackServicesTests.class.getResource("/fake-service/FakeService.java").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
