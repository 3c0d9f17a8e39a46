package com.shopfleet.shop.catalog;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.shopfleet.shop.testsupport.TestRedis;

/**
 * Points the context at the test redis-server (one per JVM). An initializer rather than a
 * {@code @DynamicPropertySource}, so every test class shares one context.
 */
public class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testRedis",
                Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", TestRedis.port())));
    }
}
