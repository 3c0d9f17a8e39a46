package com.shopfleet.shop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service with the fleet's tracing (OpenTelemetry through Micrometer) and logging: the
 * trace id of an incoming {@code traceparent} is the one in {@code X-Trace-Id}, in the error envelope
 * and in the log lines written while handling the request; secrets and personal data in those lines
 * are masked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "shop.identity.public-paths=/**" })
@ExtendWith(OutputCaptureExtension.class)
class TracedRequestLogTests {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ErrorProbeController.class)
    static class App {
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theIncomingTraceIdIsTheEnvelopesTheHeadersAndTheLogLinesOne(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/boom"))
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(body.at("/errorDetails/traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(TRACE_ID);
        assertThat(output.getOut()).containsPattern("\\[" + TRACE_ID + "\\] \\S*ErrorTranslator\\s*: Unexpected error");
        assertThat(output.getOut()).contains("password=****").doesNotContain("hunter2");
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceWhoseIdTheClientSees() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/out-of-stock"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        String traceId = JsonMapper.builder().build().readTree(response.body()).at("/errorDetails/traceId").asString();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
    }

    @Test
    void personalDataInALogLineIsMasked(CapturedOutput output) {
        LoggerFactory.getLogger(TracedRequestLogTests.class)
                .info("Welcome mail to minsu.kim@example.com, SMS to 010-2345-6789, Recipient[name=김민수, phone=01098765432]");

        assertThat(output.getOut()).contains("mi*******@example.com", "010-****-6789", "name=김**", "010****5432")
                .doesNotContain("minsu.kim@", "2345-6789", "김민수", "98765432");
    }
}
