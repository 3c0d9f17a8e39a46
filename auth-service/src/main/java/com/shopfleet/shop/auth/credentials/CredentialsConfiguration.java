package com.shopfleet.shop.auth.credentials;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ LoginKeyProperties.class, CredentialsProperties.class })
class CredentialsConfiguration {

    @Bean
    LoginKeys loginKeys(JdbcTemplate jdbc, LoginKeyProperties properties, Clock clock) {
        return new LoginKeys(jdbc, properties, clock);
    }

    /** Rotation on one instance at a time (ShedLock); the unique key keeps it safe even without. */
    @Bean
    SchedulingConfigurer loginKeyRotation(LoginKeys keys, LoginKeyProperties properties, LockingTaskExecutor locks,
            Clock clock) {
        return registrar -> registrar.addFixedDelayTask(() -> locks.executeWithLock((Runnable) keys::rotate,
                new LockConfiguration(clock.instant(), "auth-login-key-rotation", properties.checkInterval().multipliedBy(5),
                        properties.checkInterval().dividedBy(2))), properties.checkInterval());
    }
}
