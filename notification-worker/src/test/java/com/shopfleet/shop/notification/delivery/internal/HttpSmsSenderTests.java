package com.shopfleet.shop.notification.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.DeliveryProperties;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.SmsMessage;

/**
 * The HTTP SMS adapter against a real HTTP server on this machine standing in for the provider (the
 * provider itself cannot run here): what it sends, and how each answer is classified.
 */
class HttpSmsSenderTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private volatile long delayMillis;
    private HttpServer provider;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1/messages", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), json.readTree(body)));
            sleep(delayMillis);
            byte[] answer = "{\"id\":\"m-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void aMessageIsPostedAsJsonWithTheKeyAndAnIdempotencyKey() {
        sender(Duration.ofSeconds(5)).send(new SmsMessage("01023456789", "[숍플릿] 발송되었습니다", "e-1:SMS"));

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo("Bearer secret-key");
            assertThat(request.idempotencyKey()).isEqualTo("e-1:SMS");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body().get("from").asString()).isEqualTo("SHOPFLEET");
            assertThat(request.body().get("to").asString()).isEqualTo("01023456789");
            assertThat(request.body().get("text").asString()).isEqualTo("[숍플릿] 발송되었습니다");
            assertThat(request.body().get("reference").asString()).isEqualTo("e-1:SMS");
        });
    }

    @Test
    void aRefusalIsPermanentAndThrottlingOrAServerErrorIsRetried() {
        status.set(400);
        assertReason(FailureReason.SMS_REJECTED);
        status.set(429);
        assertReason(FailureReason.SMS_PROVIDER_UNAVAILABLE);
        status.set(503);
        assertReason(FailureReason.SMS_PROVIDER_UNAVAILABLE);
    }

    @Test
    void aSlowProviderIsRetriedLater() {
        delayMillis = 1_500;
        assertThatThrownBy(() -> sender(Duration.ofMillis(300)).send(message()))
                .isInstanceOfSatisfying(DeliveryException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(FailureReason.SMS_PROVIDER_UNAVAILABLE));
    }

    @Test
    void anUnreachableProviderIsRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsSender sender = new HttpSmsSender(new DeliveryProperties.Http(
                URI.create("http://127.0.0.1:" + closedPort + "/v1/messages"), null, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), "SHOPFLEET");

        assertThatThrownBy(() -> sender.send(message())).isInstanceOfSatisfying(DeliveryException.class,
                ex -> assertThat(ex.reason()).isEqualTo(FailureReason.SMS_PROVIDER_UNAVAILABLE));
    }

    @Test
    void theFailureNeverNamesTheWholeNumber() {
        status.set(400);
        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(message()))
                .hasMessageNotContaining("01023456789").hasMessageContaining("010****6789");
    }

    private void assertReason(FailureReason reason) {
        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(message()))
                .isInstanceOfSatisfying(DeliveryException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
    }

    private HttpSmsSender sender(Duration readTimeout) {
        return new HttpSmsSender(new DeliveryProperties.Http(
                URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/v1/messages"), "secret-key",
                Duration.ofSeconds(1), readTimeout), "SHOPFLEET");
    }

    private static SmsMessage message() {
        return new SmsMessage("01023456789", "text", "e-2:SMS");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private record Received(String method, String authorization, String idempotencyKey, String contentType,
            JsonNode body) {
    }
}
