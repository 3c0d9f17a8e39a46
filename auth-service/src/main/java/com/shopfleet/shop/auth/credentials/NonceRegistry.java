package com.shopfleet.shop.auth.credentials;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Single-use nonces of encrypted credentials, shared by every instance (Redis {@code SET NX} with a TTL). */
@Component
class NonceRegistry {

    static final String PREFIX = "shop:auth:login-nonce:";

    private final StringRedisTemplate redis;
    private final Duration ttl;

    NonceRegistry(StringRedisTemplate redis, CredentialsProperties properties) {
        this.redis = redis;
        this.ttl = properties.nonceTtl();
    }

    /** True the first time a nonce is seen; false for every reuse within the TTL. */
    boolean claim(String nonce) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + nonce, "1", ttl));
    }
}
