package com.shopfleet.shop.auth.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Counters in Redis over a fixed window that starts with the first count (brute-force and abuse
 * limits, shared by every instance). {@link #reserve} counts an attempt <em>before</em> the work it
 * guards, atomically, so concurrent attempts can never exceed the limit; the caller then keeps the
 * count (a failure), {@link Reservation#release releases} it or {@link Reservation#reset resets} the
 * counter (a success).
 */
@Component
public class FixedWindowLimiter {

    /** Returns {1, count} when counted, {0, remaining ms} when the limit is reached. */
    private static final RedisScript<List> RESERVE = RedisScript.of("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count >= tonumber(ARGV[1]) then
              local ttl = redis.call('PTTL', KEYS[1])
              if ttl < 0 then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                ttl = tonumber(ARGV[2])
              end
              return {0, ttl}
            end
            count = redis.call('INCR', KEYS[1])
            if count == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return {1, count}
            """, List.class);

    /** Gives back a reserved count without touching the window. */
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;

    FixedWindowLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Counts one attempt under {@code key}, or refuses with 429 {@code RATE_LIMITED} and
     * {@code Retry-After} (seconds until the window ends) when {@code max} are already counted.
     */
    public Reservation reserve(String key, int max, Duration window) {
        List<?> result = redis.execute(RESERVE, List.of(key), Integer.toString(max), Long.toString(window.toMillis()));
        long counted = ((Number) result.get(0)).longValue();
        long value = ((Number) result.get(1)).longValue();
        if (counted == 0) {
            throw limited(value);
        }
        return new Reservation(key);
    }

    /** The 429 a caller throws itself, e.g. after releasing other reservations. */
    public static ShopException limited(long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return ShopException.withHeaders(ErrorCode.RATE_LIMITED, Map.of("Retry-After", Long.toString(seconds)));
    }

    /** One counted attempt. */
    public final class Reservation {

        private final String key;

        private Reservation(String key) {
            this.key = key;
        }

        /** The guarded work did not count (e.g. it succeeded and only failures are limited). */
        public void release() {
            redis.execute(RELEASE, List.of(key));
        }

        /** Forget every count of this key (e.g. a successful login clears the account's failures). */
        public void reset() {
            redis.delete(key);
        }
    }
}
