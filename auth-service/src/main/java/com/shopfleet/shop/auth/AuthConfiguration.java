package com.shopfleet.shop.auth;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/** What every feature shares: the clock, and locks so a scheduled task runs on one instance at a time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** ShedLock on the service's own {@code shedlock} table (created by the fleet's shared migrations). */
    @Bean
    LockingTaskExecutor authTaskLocks(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .build()));
    }
}
