package com.shopfleet.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.shopfleet.shop.localstack.LocalStack;

/**
 * Tracing and logs across the fleet (issue: Operations): a W3C {@code traceparent} sent through the
 * gateway reaches the service that handles the request and, through the outbox and Kafka, the
 * consumers of the event it causes — the same trace id in each one's log — and the shopper's e-mail
 * address and phone number appear in no log unmasked.
 */
class TraceSystemTests {

    private static LocalStack fleet;

    @BeforeAll
    static void startFleet() {
        fleet = RunningFleet.stack();
    }

    @Test
    void aTraceIdSentThroughTheGatewayIsInTheLogsOfTheServiceAndOfTheEventsConsumers() {
        String traceId = hex(16);
        String email = "trace-" + UUID.randomUUID() + "@shop.test";
        String phone = String.format("010-%04d-%04d", ThreadLocalRandom.current().nextInt(10_000),
                ThreadLocalRandom.current().nextInt(10_000));
        Shopper browser = new Shopper();
        String body = Shopper.JSON.writeValueAsString(Map.of("email", email, "name", "추적테스트", "phone", phone,
                "locale", "ko", "consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", false),
                "credentials", browser.credentials(email, "Trace-Pass-2026")));

        Http.Reply signup = browser.send(HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + "/api/auth/signup"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(BodyPublishers.ofString(body)));

        assertThat(signup.status()).as(signup.response().body()).isEqualTo(201);
        assertThat(signup.response().headers().firstValue("X-Trace-Id")).hasValue(traceId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(linesWith(traceId, "auth-service")).as("auth-service, which recorded UserRegistered")
                    .anyMatch(line -> line.contains("Recorded UserRegistered"));
            assertThat(linesWith(traceId, "notification-worker")).as("notification-worker, which consumed it")
                    .anyMatch(line -> line.contains("handled UserRegistered"));
            assertThat(linesWith(traceId, "order-service")).as("order-service, which consumed it")
                    .anyMatch(line -> line.contains("handled UserRegistered"));
        });

        for (String service : List.of("gateway", "auth-service", "catalog-service", "order-service", "event-service",
                "notification-worker")) {
            assertThat(log(service)).as("%s's log", service).doesNotContain(email, phone);
        }
    }

    /** The lines of a service's log (the local stack's {@code <data>/logs/<name>.log}) that carry the trace id. */
    private static List<String> linesWith(String traceId, String service) {
        return log(service).lines().filter(line -> line.contains(traceId)).toList();
    }

    private static String log(String service) {
        Path file = fleet.logsDir().resolve(service + ".log");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
