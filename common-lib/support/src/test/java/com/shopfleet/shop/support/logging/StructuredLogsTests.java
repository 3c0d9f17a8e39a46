package com.shopfleet.shop.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prod profile's logs: one JSON object (ECS) per line, carrying the trace id, with personal
 * data masked in the message and in the stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void inProdEachLineIsJsonWithTheTraceIdAndNoPersonalData(CapturedOutput output) {
        // contexts cached by other test classes keep Logback marked as configured: let this one configure it
        LoggingSystem.get(StructuredLogsTests.class.getClassLoader()).cleanUp();
        String traceId;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).profiles("prod")
                .run("--spring.application.name=json-probe", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                        "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1")) {
            Tracer tracer = context.getBean(Tracer.class);
            String[] seen = new String[1];
            Observation.createNotStarted("signup", context.getBean(ObservationRegistry.class)).observe(() -> {
                seen[0] = tracer.currentSpan().context().traceId();
                LoggerFactory.getLogger(StructuredLogsTests.class).warn("Welcome mail to minsu.kim@example.com failed",
                        new IllegalStateException("SMTP refused 010-2345-6789 password=hunter2"));
            });
            traceId = seen[0];
        }

        String line = output.getOut().lines().filter(l -> l.contains("Welcome mail to")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.toString()).contains(traceId, "mi*******@example.com", "010-****-6789")
                .doesNotContain("minsu.kim", "2345-6789", "hunter2");
        assertThat(json.findValue("message").asString()).isEqualTo("Welcome mail to mi*******@example.com failed");
    }
}
