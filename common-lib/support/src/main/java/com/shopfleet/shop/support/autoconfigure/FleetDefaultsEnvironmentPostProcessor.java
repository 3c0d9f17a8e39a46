package com.shopfleet.shop.support.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

import com.shopfleet.shop.support.logging.MaskingJsonMembersCustomizer;

/**
 * Defaults every service of the fleet shares, at the lowest precedence (any application.yml,
 * profile or environment variable overrides them): republish outstanding outbox events after a
 * restart (STACK trap 15), an idempotent, fully acknowledged producer, Flyway locations that
 * include the shared migrations, latency histograms Prometheus can take percentiles from, and
 * observability: W3C tracing of every request and Kafka record (sampled fully; no exporter unless
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set), the trace id in every log
 * line, personal data masked in logs, and JSON logs (ECS) in the {@code prod} profile. Also:
 * <ul>
 * <li>{@code shop.dead-letters.path} = {@code /api/admin/<service>/dead-letters}, {@code <service>} being
 * {@code spring.application.name} without {@code -service} or {@code -worker} (the gateway routes
 * {@code /api/admin/<service>/**} to the service);</li>
 * <li>{@code spring.flyway.out-of-order} = true: a shared migration added later (e.g.
 * {@code V0_4__dead_letter_replay}) sorts before a service's own {@code V1…}; a database migrated before
 * it must still take it (docs/adr/0005);</li>
 * <li>exemplars (trace ids) only where OpenMetrics 1.0 allows them — counters and histogram buckets —
 * not on the {@code _count} of timers, which Micrometer adds by default: Prometheus before 2.43 (Debian
 * 12 ships 2.42) rejects the whole scrape otherwise ("metric name … does not support exemplars").</li>
 * </ul>
 */
public class FleetDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The service's own migrations plus the fleet's shared ones (outbox registry per vendor, inbox, locks). */
    public static final String SHARED_MIGRATIONS =
            "classpath:db/migration,classpath:db/shop-support/common,classpath:db/shop-support/{vendor}";

    /** The fleet's Logback configuration: Boot's defaults with masked messages and stack traces. */
    public static final String LOGBACK_CONFIG = "classpath:shop/logback-fleet.xml";

    /**
     * Where to export spans (OTLP over HTTP, e.g. {@code http://otel-collector:4318/v1/traces}); blank
     * or unset: no exporter, no connection attempt. Env {@code SHOP_TRACING_OTLP_ENDPOINT}, so a
     * compose file can pass it through empty (Boot's own property would take an empty value as set).
     */
    public static final String OTLP_ENDPOINT = "shop.tracing.otlp.endpoint";

    static final Map<String, Object> DEFAULTS = defaults();

    /** Only in the prod profile: one JSON object per line on the console. */
    static final Map<String, Object> PROD_DEFAULTS = Map.of("logging.structured.format.console", "ecs");

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type", "VARCHAR");
        defaults.put("spring.flyway.locations", SHARED_MIGRATIONS);
        defaults.put("spring.flyway.out-of-order", "true");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.client.requests", "true");
        // an inbox duplicate (the expected outcome of a redelivery) is not worth a WARN per event
        defaults.put("logging.level.org.mariadb.jdbc.message.server.ErrorPacket", "error");

        // tracing: a small shop's traffic is traced whole; W3C traceparent in and out (Boot's default)
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Kafka consumers continue the trace of the record's traceparent (Stream binder and plain listeners);
        // the outbox puts the recorded trace context on its records itself (see MessagingAutoConfiguration)
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        // the gateway: the trace reaches the MDC of reactive operators
        defaults.put("spring.reactor.context-propagation", "auto");

        // logs: readable text with [traceId] locally; personal data masked in text and JSON alike
        defaults.put("logging.pattern.correlation", "[%X{traceId:-}] ");
        defaults.put("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName());
        defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
                "false");
        return Map.copyOf(defaults);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>(DEFAULTS);
        defaults.put("shop.dead-letters.path", "/api/admin/"
                + service(environment.getProperty("spring.application.name", "application")) + "/dead-letters");
        if (!hasOwnLogbackConfiguration(application.getClassLoader())) {
            defaults.put("logging.config", LOGBACK_CONFIG);
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            defaults.putAll(PROD_DEFAULTS);
        }
        String otlpEndpoint = environment.getProperty(OTLP_ENDPOINT);
        if (otlpEndpoint != null && !otlpEndpoint.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", otlpEndpoint.strip());
        }
        environment.getPropertySources().addLast(new MapPropertySource("shopFleetDefaults", defaults));
    }

    /** {@code catalog-service} → {@code catalog}, {@code notification-worker} → {@code notification}. */
    static String service(String applicationName) {
        return applicationName.toLowerCase(Locale.ROOT).replaceFirst("-(service|worker)$", "");
    }

    /** A module's own Logback file (a test's quieter logback-test.xml, say) wins over the fleet's. */
    static boolean hasOwnLogbackConfiguration(ClassLoader classLoader) {
        for (String name : new String[] { "logback-test.xml", "logback.xml", "logback-spring.xml", "logback-test-spring.xml" }) {
            if (new ClassPathResource(name, classLoader).exists()) {
                return true;
            }
        }
        return false;
    }
}
