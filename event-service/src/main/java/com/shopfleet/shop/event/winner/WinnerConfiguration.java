package com.shopfleet.shop.event.winner;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class WinnerConfiguration {

    @Bean
    WinnerDrain winnerDrain(StringRedisTemplate redis, WinnerBatchWriter writer, DrainProperties properties,
            Clock clock) {
        return new WinnerDrain(redis, writer, properties, clock);
    }
}
