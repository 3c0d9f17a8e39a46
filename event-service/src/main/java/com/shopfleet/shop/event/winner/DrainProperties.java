package com.shopfleet.shop.event.winner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.event.drain.*}: the worker that moves winners from the Redis streams into the database.
 *
 * @param enabled      run the worker in this instance
 * @param batchSize    at most this many stream entries per transaction
 * @param pollInterval how long the worker waits when a stream had nothing new
 * @param claimMinIdle how long an entry another worker read may stay unacknowledged before this
 *                     worker takes it over (the other one died or hangs)
 * @param claimInterval how often the worker looks for such entries
 * @param consumer     this worker's consumer name in the group; default: host name + a random suffix
 */
@ConfigurationProperties("shop.event.drain")
public record DrainProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
        @DefaultValue("50ms") Duration pollInterval, @DefaultValue("30s") Duration claimMinIdle,
        @DefaultValue("5s") Duration claimInterval, String consumer) {

    public DrainProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("shop.event.drain.batch-size must be positive");
        }
    }
}
