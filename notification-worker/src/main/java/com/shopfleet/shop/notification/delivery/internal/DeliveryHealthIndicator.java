package com.shopfleet.shop.notification.delivery.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.shopfleet.shop.notification.delivery.DeliveryMetrics;

/**
 * {@code notifications} in {@code /actuator/health}: DOWN once {@code threshold} delivery attempts
 * in a row failed for an outage (SMTP or the SMS provider unreachable or refusing, credentials
 * wrong, the database failing — not a single bad address), UP again with the next message sent. Not part of readiness: the worker keeps consuming and retrying meanwhile.
 */
public class DeliveryHealthIndicator implements HealthIndicator {

    private final DeliveryMetrics metrics;
    private final int threshold;

    public DeliveryHealthIndicator(DeliveryMetrics metrics, int threshold) {
        this.metrics = metrics;
        this.threshold = threshold;
    }

    @Override
    public Health health() {
        int failures = metrics.consecutiveFailures();
        Health.Builder builder = failures >= threshold ? Health.down() : Health.up();
        builder.withDetail("consecutiveFailures", failures);
        if (metrics.lastSentAt() != null) {
            builder.withDetail("lastSentAt", metrics.lastSentAt().toString());
        }
        if (metrics.lastFailureAt() != null) {
            builder.withDetail("lastFailureAt", metrics.lastFailureAt().toString())
                    .withDetail("lastFailure", metrics.lastFailure());
        }
        return builder.build();
    }
}
