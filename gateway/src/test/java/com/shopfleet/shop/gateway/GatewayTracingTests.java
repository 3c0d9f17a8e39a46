package com.shopfleet.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The gateway continues the client's W3C trace and hands it to the routed service: the same trace id
 * in {@code X-Trace-Id}, in the service's {@code traceparent} and in the gateway's own error envelopes.
 */
class GatewayTracingTests extends GatewayTestSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void theClientsTraceReachesTheServiceAndComesBackAsXTraceId() throws Exception {
        HttpResponse<String> response = send(request("/api/products").header("traceparent", TRACEPARENT).GET().build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Trace-Id")).contains(TRACE_ID);
        String forwarded = CATALOG.received().getLast().header("traceparent");
        assertThat(forwarded).as("traceparent sent to the service").startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceTheServiceContinues() throws Exception {
        HttpResponse<String> response = get("/api/products");

        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(CATALOG.received().getLast().header("traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void theGatewaysOwnRefusalQuotesTheClientsTraceId() throws Exception {
        HttpResponse<String> response = send(request("/api/nothing/here").header("traceparent", TRACEPARENT).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).at("/errorDetails/traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(TRACE_ID);
    }
}
