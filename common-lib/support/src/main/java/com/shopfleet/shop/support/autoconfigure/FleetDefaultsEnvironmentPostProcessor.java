package com.shopfleet.shop.support.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service of the fleet shares, at the lowest precedence (any application.yml,
 * profile or environment variable overrides them): republish outstanding outbox events after a
 * restart (STACK trap 15), an idempotent, fully acknowledged producer, Flyway locations that
 * include the shared migrations, and latency histograms Prometheus can take percentiles from.
 */
public class FleetDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The service's own migrations plus the fleet's shared ones (outbox registry per vendor, inbox, locks). */
    public static final String SHARED_MIGRATIONS =
            "classpath:db/migration,classpath:db/shop-support/common,classpath:db/shop-support/{vendor}";

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.modulith.events.republish-outstanding-events-on-restart", "true",
            "spring.kafka.producer.acks", "all",
            "spring.kafka.producer.properties.enable.idempotence", "true",
            "spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type", "VARCHAR",
            "spring.flyway.locations", SHARED_MIGRATIONS,
            "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
            "management.metrics.distribution.percentiles-histogram.http.client.requests", "true",
            // an inbox duplicate (the expected outcome of a redelivery) is not worth a WARN per event
            "logging.level.org.mariadb.jdbc.message.server.ErrorPacket", "error");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("shopFleetDefaults", DEFAULTS));
    }
}
