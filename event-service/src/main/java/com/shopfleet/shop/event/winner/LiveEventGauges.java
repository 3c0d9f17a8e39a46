package com.shopfleet.shop.event.winner;

import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.shopfleet.shop.event.admission.AdmissionKeys;

/**
 * What the FCFS live view shows besides entries and unpersisted winners, summed over live events:
 * {@code shop.event.remaining} (prizes left in Redis) and {@code shop.event.winners.stream.pending}
 * (stream entries the drain read but has not acknowledged yet: the batch in flight, or a dead
 * worker's entries waiting to be taken over). Read from Redis at scrape time (a few keys per live event).
 */
@Component
class LiveEventGauges implements MeterBinder {

    private final StringRedisTemplate redis;

    LiveEventGauges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shop.event.remaining", this, gauges -> gauges.sum(this::remaining))
                .description("Prizes not yet won, over live events")
                .register(registry);
        Gauge.builder("shop.event.winners.stream.pending", this, gauges -> gauges.sum(this::pending))
                .description("Winner stream entries read by a drain worker but not yet stored, over live events")
                .register(registry);
    }

    private double sum(ToLongFunction<Long> perEvent) {
        try {
            Set<String> live = redis.opsForSet().members(AdmissionKeys.ACTIVE);
            long sum = 0;
            for (String id : live == null ? Set.<String>of() : live) {
                sum += perEvent.applyAsLong(Long.parseLong(id));
            }
            return sum;
        }
        catch (RuntimeException redisDown) {
            return Double.NaN;
        }
    }

    private long remaining(Long eventId) {
        String value = redis.opsForValue().get(AdmissionKeys.remaining(eventId));
        return value == null ? 0 : Long.parseLong(value);
    }

    private long pending(Long eventId) {
        if (!Boolean.TRUE.equals(redis.hasKey(AdmissionKeys.stream(eventId)))) {
            return 0;
        }
        PendingMessagesSummary summary = redis.opsForStream().pending(AdmissionKeys.stream(eventId), AdmissionKeys.GROUP);
        return summary == null ? 0 : summary.getTotalPendingMessages();
    }
}
