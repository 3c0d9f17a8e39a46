package com.shopfleet.shop.gateway.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.support.error.ErrorTranslator;

/**
 * The request budgets ({@code shop.gateway.rate-limit.*}), on unless {@code enabled=false}. The
 * limiter is the gateway's own instance of Spring Cloud Gateway's {@link RedisRateLimiter} with the
 * library's Lua script, configured per budget group rather than per route.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "shop.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configurationService, GatewayProperties properties, ErrorTranslator translator,
            JsonMapper jsonMapper, MeterRegistry meters) {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, script, configurationService);
        return new RateLimitFilter(limiter, properties.rateLimit(), translator, jsonMapper, meters);
    }
}
