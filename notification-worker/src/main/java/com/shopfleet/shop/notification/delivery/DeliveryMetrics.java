package com.shopfleet.shop.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the on-call person watches, per event type and channel: {@code shop.notification.sent},
 * {@code .failed} (every failed attempt, by reason), {@code .retried} (attempts after the first),
 * {@code .dead.lettered} (by reason; counted as the failure leaves for the dead-letter topic) and
 * {@code .skipped} (nothing to send: duplicate, withdrawn, no phone). The latest outcomes feed the
 * {@code notifications} health component.
 */
public class DeliveryMetrics {

    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant lastSentAt;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    public DeliveryMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void sent(String type, Channel channel) {
        counter("shop.notification.sent", "Messages handed to SMTP or the SMS provider", type, channel, null)
                .increment();
        consecutiveFailures.set(0);
        lastSentAt = clock.instant();
    }

    public void skipped(String type, Channel channel, String reason) {
        counter("shop.notification.skipped", "Channels with nothing to send (duplicate, withdrawn, no phone)", type,
                channel, reason).increment();
    }

    public void retried(String type, Channel channel) {
        counter("shop.notification.retried", "Delivery attempts after the first", type, channel, null).increment();
    }

    public void failed(String type, Channel channel, FailureReason reason, boolean deadLettered) {
        counter("shop.notification.failed", "Failed delivery attempts", type, channel, reason.name()).increment();
        if (deadLettered) {
            counter("shop.notification.dead.lettered", "Events sent to the dead-letter topic", type, channel,
                    reason.name()).increment();
        }
        if (reason.outage()) {
            consecutiveFailures.incrementAndGet();
        }
        lastFailureAt = clock.instant();
        lastFailure = reason.name();
    }

    /** Attempts failed in a row for an outage (not for one bad message) since the last message went out. */
    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public String lastFailure() {
        return lastFailure;
    }

    private Counter counter(String name, String description, String type, Channel channel, String reason) {
        Counter.Builder builder = Counter.builder(name).description(description)
                .tag("type", type == null ? "unknown" : type)
                .tag("channel", channel == null ? NONE : channel.tag());
        if (reason != null) {
            builder.tag("reason", reason);
        }
        return builder.register(registry);
    }
}
