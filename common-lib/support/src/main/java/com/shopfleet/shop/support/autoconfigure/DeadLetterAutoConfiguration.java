package com.shopfleet.shop.support.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ErrorMessages;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterMetrics;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterPolicy;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterProperties;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterRecords;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterSources;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetters;
import com.shopfleet.shop.support.messaging.deadletter.web.DeadLetterController;

/**
 * Dead letters of every consumer group of a service, when it has Spring Cloud Stream consumers with
 * dead-letter topics ({@code enable-dlq}): listed and replayed by staff at {@code shop.dead-letters.path}
 * and counted as {@code shop.dead.letters}. Replays are remembered in {@code dead_letter_replay} (a
 * shared migration), so the service needs its database as for the inbox.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, KafkaProperties.class, MeterRegistry.class })
@ConditionalOnProperty(name = "shop.dead-letters.enabled", matchIfMissing = true)
@Conditional(DeadLetterAutoConfiguration.OnDeadLetterTopics.class)
@ConditionalOnBean({ JdbcTemplate.class, KafkaProperties.class })
@EnableConfigurationProperties(DeadLetterProperties.class)
@EnableScheduling
public class DeadLetterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterSources deadLetterSources(Environment environment) {
        return DeadLetterSources.from(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterRecords deadLetterRecords(KafkaProperties kafka, DeadLetterProperties properties, Environment environment) {
        return new DeadLetterRecords(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                kafka.buildAdminProperties(), properties.readTimeout(),
                environment.getProperty("spring.application.name", "shop"));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(DeadLetterSources sources, DeadLetterRecords records, JdbcTemplate jdbc,
            TransactionTemplate transactions, JsonMapper jsonMapper, ObjectProvider<DeadLetterPolicy> policy,
            DeadLetterProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(sources, records, jdbc, transactions, jsonMapper,
                policy.getIfAvailable(() -> DeadLetterPolicy.DEFAULT), properties,
                meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters, DeadLetterRecords records) {
        return new DeadLetterMetrics(deadLetters, records);
    }

    @Bean
    SchedulingConfigurer deadLetterMetricsSchedule(DeadLetterMetrics metrics, DeadLetterProperties properties) {
        return registrar -> registrar.addFixedDelayTask(metrics::refresh, properties.metricsInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.access.prepost.PreAuthorize")
    static class Web {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters, ObjectProvider<MessageSource> messageSource) {
            return new DeadLetterController(deadLetters, new ErrorMessages(messageSource.getIfAvailable()));
        }
    }

    /** Matches when at least one Stream input binding has a dead-letter topic. */
    static class OnDeadLetterTopics extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            DeadLetterSources sources = DeadLetterSources.from(context.getEnvironment());
            return sources.isEmpty() ? ConditionOutcome.noMatch("no Stream consumer binding with enable-dlq")
                    : ConditionOutcome.match(sources.all().size() + " dead-letter topic(s)");
        }
    }
}
