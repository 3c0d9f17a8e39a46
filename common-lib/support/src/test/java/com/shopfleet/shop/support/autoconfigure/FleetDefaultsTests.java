package com.shopfleet.shop.support.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class FleetDefaultsTests {

    private final FleetDefaultsEnvironmentPostProcessor defaults = new FleetDefaultsEnvironmentPostProcessor();

    @Test
    void locallyLogsAreTextWithTheTraceIdAndNothingIsExported() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{traceId:-}] ");
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isNull();
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }

    @Test
    void theProdProfileLogsJson() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");
        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void anOtlpEndpointSwitchesTheExporterOnAndABlankOneLeavesItOff() {
        assertThat(environment(Map.of("shop.tracing.otlp.endpoint", "http://collector:4318/v1/traces"))
                .getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment(Map.of("shop.tracing.otlp.endpoint", " "))
                .containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
    }

    @Test
    void aServicesOwnSettingWins() {
        StandardEnvironment environment = environment(Map.of("management.tracing.sampling.probability", "0.2"));

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.2");
    }

    @Test
    void theDeadLetterPathNamesTheServiceWithoutItsKind() {
        assertThat(path("catalog-service")).isEqualTo("/api/admin/catalog/dead-letters");
        assertThat(path("notification-worker")).isEqualTo("/api/admin/notification/dead-letters");
    }

    @Test
    void aServiceSettingWinsOverTheDefault() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "notification-worker")
                .withProperty("shop.dead-letters.path", "/api/admin/notifications/dead-letters");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("shop.dead-letters.path")).isEqualTo("/api/admin/notifications/dead-letters");
    }

    @Test
    void timersCarryNoExemplarOnTheirCountSoAPrometheusBefore243CanScrapeThem() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "order-service");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        Map<String, String> clientProperties = Binder.get(environment)
                .bind("management.prometheus.metrics.export.properties", Bindable.mapOf(String.class, String.class))
                .get();
        assertThat(clientProperties).containsEntry("io.prometheus.exporter.exemplarsOnAllMetricTypes", "false");
        assertThat(environment.getProperty("spring.flyway.out-of-order")).isEqualTo("true");
    }

    private String path(String applicationName) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", applicationName);
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("shop.dead-letters.path");
    }

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
