package com.shopfleet.shop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;

import com.shopfleet.shop.support.web.ErrorEnvelopeContract;

/**
 * What every service of the fleet promises once booted: the error envelope for every way a client
 * can get a request wrong (with {@code ErrorProbeController} imported into the test context and the
 * service started with {@link TestIdentities#SIGNING_KEY_PROPERTY}),
 * liveness and readiness probes, and Prometheus metrics.
 */
public abstract class FleetServiceContract extends ErrorEnvelopeContract {

    @Value("${spring.application.name}")
    private String applicationName;

    /** Requests carry a valid identity token for this service, as the gateway sends them. */
    @Override
    protected Map<String, String> defaultHeaders() {
        return Map.of(IdentityToken.HEADER, TestIdentities.token(applicationName, 1001L, Role.USER));
    }

    /** Probes and scrapes come without a token (kubelet, the local stack, Prometheus). */
    @Test
    public void livenessAndReadinessAreUpWithoutAToken() throws Exception {
        for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
            HttpResponse<String> response = anonymousGet(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    public void prometheusMetricsAreServedWithoutAToken() throws Exception {
        HttpResponse<String> response = anonymousGet("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
