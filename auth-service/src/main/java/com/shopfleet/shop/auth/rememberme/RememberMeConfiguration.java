package com.shopfleet.shop.auth.rememberme;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RememberMeProperties.class)
class RememberMeConfiguration {

    /** Expired series are deleted hourly, on one instance at a time. */
    @Bean
    SchedulingConfigurer rememberMeCleanup(RememberMe rememberMe, LockingTaskExecutor locks, Clock clock) {
        return registrar -> registrar.addFixedDelayTask(() -> locks.executeWithLock((Runnable) rememberMe::deleteExpired,
                new LockConfiguration(clock.instant(), "auth-remember-me-cleanup", Duration.ofMinutes(30),
                        Duration.ofMinutes(5))), Duration.ofHours(1));
    }
}
