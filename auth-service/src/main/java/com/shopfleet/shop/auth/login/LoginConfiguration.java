package com.shopfleet.shop.auth.login;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginConfiguration {

    /** Attempts past the retention are deleted hourly, on one instance at a time. */
    @Bean
    SchedulingConfigurer loginAuditRetention(LoginAudit audit, LoginProperties properties, LockingTaskExecutor locks,
            Clock clock) {
        return registrar -> registrar.addFixedDelayTask(() -> locks.executeWithLock(
                (Runnable) () -> audit.purgeOlderThan(properties.auditRetention()),
                new LockConfiguration(clock.instant(), "auth-login-audit-retention", Duration.ofMinutes(30),
                        Duration.ofMinutes(5))), Duration.ofHours(1));
    }
}
