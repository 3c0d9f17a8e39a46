package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.junit.jupiter.api.Test;

class GatewayResilienceTests extends GatewayTestSupport {

    @Test
    void aDeadServiceIsA503EnvelopeAtOnceNotAfterTheTimeout() throws Exception {
        ORDER.stop();

        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/orders/1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEnvelope(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(body(response).get("message").asString()).isEqualTo("서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.");
        assertThat(took).isLessThan(TIMEOUT);
    }

    @Test
    void theUnavailableMessageIsEnglishWhenAsked() throws Exception {
        ORDER.stop();

        HttpResponse<String> response = send(request("/api/cart").header("Accept-Language", "en").GET().build());

        assertEnvelope(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(body(response).get("message").asString()).doesNotContain("서비스");
    }

    @Test
    void aHangingServiceIsA503EnvelopeAfterTheRoutesTimeout() throws Exception {
        EVENT.mode(TestBackend.Mode.HANG);

        long started = System.nanoTime();
        HttpResponse<String> response = send(request("/api/events/5/entries").POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEnvelope(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(took).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plusSeconds(2));
        assertThat(EVENT.received()).hasSize(1);
    }

    @Test
    void theBreakerOpensAfterFailuresAndClosesWhenTheServiceIsBack() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("notification");
        NOTIFICATION.stop();
        for (int i = 0; i < 4; i++) {
            assertEnvelope(get("/api/admin/notifications/dead-letters"), 503, "SERVICE_UNAVAILABLE");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        NOTIFICATION.start();
        HttpResponse<String> whileOpen = get("/api/admin/notifications/dead-letters");
        assertEnvelope(whileOpen, 503, "SERVICE_UNAVAILABLE");
        assertThat(NOTIFICATION.received()).as("an open breaker does not call the service").isEmpty();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(get("/api/admin/notifications/dead-letters").statusCode()).isEqualTo(200));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anOpenBreakerOfOneServiceLeavesTheOthersAlone() throws Exception {
        breakers.circuitBreaker("catalog").transitionToForcedOpenState();

        assertEnvelope(get("/api/products/1"), 503, "SERVICE_UNAVAILABLE");
        assertThat(get("/api/orders/1").statusCode()).isEqualTo(200);
        assertThat(CATALOG.received()).isEmpty();
    }

    @Test
    void aGetIsRetriedOnceWhenTheServiceAnswers503() throws Exception {
        CATALOG.mode(TestBackend.Mode.FAIL_NEXT_WITH_503);

        HttpResponse<String> response = get("/api/products/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CATALOG.received()).hasSize(2);
    }

    @Test
    void aGetIsNotRetriedOnOtherServerErrors() throws Exception {
        CATALOG.mode(TestBackend.Mode.FAIL_NEXT_WITH_500);

        HttpResponse<String> response = get("/api/products/1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(CATALOG.received()).hasSize(1);
    }

    @Test
    void aServicesOwnServerErrorsDoNotOpenItsBreaker() throws Exception {
        for (int i = 0; i < 6; i++) {
            CATALOG.mode(TestBackend.Mode.FAIL_NEXT_WITH_500);
            assertThat(get("/api/products/1").statusCode()).isEqualTo(500);
        }

        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aPostIsNeverRetried() throws Exception {
        CATALOG.mode(TestBackend.Mode.FAIL_NEXT_WITH_503);

        HttpResponse<String> response = send(request("/api/wishlist").POST(BodyPublishers.ofString("{\"productId\":1}"))
                .header("Content-Type", "application/json").build());

        // the service's own answer passes through unchanged
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(body(response).get("service").asString()).isEqualTo("catalog");
        assertThat(CATALOG.received()).hasSize(1);
    }

    @Test
    void aDeadServicesApiDocumentIsA503Envelope() throws Exception {
        AUTH.stop();

        assertEnvelope(get("/v3/api-docs/auth"), 503, "SERVICE_UNAVAILABLE");
    }
}
