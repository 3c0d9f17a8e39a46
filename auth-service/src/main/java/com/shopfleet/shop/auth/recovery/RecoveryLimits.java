package com.shopfleet.shop.auth.recovery;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.auth.ratelimit.FixedWindowLimiter;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Abuse limits of the anonymous recovery endpoints: per client address a 429 (it reveals nothing),
 * per account a silent cooldown and daily cap (the answer stays 202, so nobody learns whether an
 * account exists).
 */
@Component
class RecoveryLimits {

    private static final String IP_PREFIX = "shop:auth:recovery:ip:";

    private final FixedWindowLimiter limiter;
    private final StringRedisTemplate redis;
    private final RecoveryProperties properties;

    RecoveryLimits(FixedWindowLimiter limiter, StringRedisTemplate redis, RecoveryProperties properties) {
        this.limiter = limiter;
        this.redis = redis;
        this.properties = properties;
    }

    /** @throws ShopException 429 when the address made too many recovery requests */
    void countRequest(String clientIp) {
        if (clientIp != null) {
            limiter.reserve(IP_PREFIX + clientIp, properties.maxRequestsPerIp(), properties.requestWindow());
        }
    }

    /** Whether another message may go to this account now (counts it if so). */
    boolean allowMessage(String kind, long userId, boolean daily) {
        String cooldownKey = "shop:auth:" + kind + "-cooldown:" + userId;
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(cooldownKey, "1", properties.cooldown()))) {
            return false;
        }
        if (!daily) {
            return true;
        }
        try {
            limiter.reserve("shop:auth:" + kind + "-daily:" + userId, properties.maxCodesPerDay(), Duration.ofDays(1));
            return true;
        }
        catch (ShopException limited) {
            return false;
        }
    }
}
