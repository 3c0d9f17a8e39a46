package com.shopfleet.shop.support.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.EventTypes;
import com.shopfleet.shop.support.messaging.InboxProperties;
import com.shopfleet.shop.support.messaging.Outbox;
import com.shopfleet.shop.support.messaging.OutboxMetrics;
import com.shopfleet.shop.support.messaging.OutboxProperties;
import com.shopfleet.shop.support.messaging.OutboxRelay;
import com.shopfleet.shop.support.messaging.ProcessedEvents;
import com.shopfleet.shop.support.messaging.RecordedEvent;
import com.shopfleet.shop.support.tracing.CurrentTrace;

/**
 * Reliable events for a service with a database: the transactional outbox (Spring Modulith's JDBC
 * event publication registry, externalized to Kafka) and the idempotent-consumer inbox. See
 * docs/adr/0002 for what the library does and what this adds.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@EnableConfigurationProperties({ OutboxProperties.class, InboxProperties.class })
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcTemplate.class)
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ProcessedEvents.class)
    @EnableScheduling
    static class InboxMaintenance implements SchedulingConfigurer {

        private final ProcessedEvents processed;
        private final InboxProperties properties;

        InboxMaintenance(ProcessedEvents processed, InboxProperties properties) {
            this.processed = processed;
            this.properties = properties;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(() -> processed.forgetOlderThan(properties.retention()), Duration.ofHours(1));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ EventExternalizationConfiguration.class, KafkaTemplate.class })
    @ConditionalOnBean({ JdbcTemplate.class, IncompleteEventPublications.class })
    @EnableScheduling
    static class OutboxConfiguration {

        @Bean
        OutboxRelay outboxRelay(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                DataSource dataSource, OutboxProperties properties) {
            LockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource))
                    .withTableName("shedlock")
                    .build());
            return new OutboxRelay(incomplete, completed, new DefaultLockingTaskExecutor(locks), properties,
                    Clock.systemUTC());
        }

        @Bean
        SchedulingConfigurer outboxSchedule(OutboxRelay relay, OutboxProperties properties) {
            return registrar -> {
                registrar.addFixedDelayTask(relay::resubmitDue, properties.retryInterval());
                registrar.addFixedDelayTask(relay::deleteCompleted, properties.cleanupInterval());
            };
        }

        @Bean
        Outbox outbox(ApplicationEventPublisher publisher, ObjectProvider<CurrentTrace> currentTrace) {
            return new Outbox(publisher, currentTrace.getIfAvailable(() -> CurrentTrace.NONE));
        }

        /**
         * Envelopes go to their event's topic, keyed by aggregate id, with explicit wire names in
         * headers. A {@link RecordedEvent} (what {@link Outbox} stores) becomes its envelope plus the
         * stored {@code traceparent}: the relay publishes after commit on another thread or after a
         * restart, so the trace context comes from the registry, not from the publishing thread.
         * (Boot's KafkaTemplate observation stays off for that reason: it would replace the stored
         * context with the publishing thread's, a new trace when the relay retries.)
         */
        @Bean
        static EventExternalizationConfiguration shopEventExternalization() {
            return EventExternalizationConfiguration.externalizing()
                    .select(EventExternalizationConfiguration.annotatedAsExternalized()
                            .or(event -> event instanceof EventEnvelope<?> || event instanceof RecordedEvent))
                    .route(EventEnvelope.class, envelope -> RoutingTarget.forTarget(topicOf(envelope))
                            .andKey(envelope.aggregateId()))
                    .route(RecordedEvent.class, recorded -> RoutingTarget.forTarget(topicOf(recorded.envelope()))
                            .andKey(recorded.envelope().aggregateId()))
                    .mapping(RecordedEvent.class, OutboxConfiguration::kafkaMessage)
                    .headers(EventEnvelope.class, OutboxConfiguration::wireHeaders)
                    .build();
        }

        /**
         * The relay's producer: idempotent with {@code acks=all}, String keys (STACK trap 11: the
         * Stream binder would switch them to bytes), and short blocking so a dead broker fails the
         * send — to be retried — instead of stalling a thread for a minute.
         */
        @Bean
        DefaultKafkaProducerFactoryCustomizer reliableOutboxProducer() {
            return factory -> {
                Map<String, Object> overrides = new HashMap<>();
                overrides.put(ProducerConfig.ACKS_CONFIG, "all");
                overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                Map<String, Object> configured = factory.getConfigurationProperties();
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)
                        .forEach((name, value) -> overrides.put(name, configured.getOrDefault(name, value)));
                factory.updateConfigs(overrides);
            };
        }

        @Bean
        OutboxMetrics outboxMetrics(JdbcTemplate jdbc) {
            return new OutboxMetrics(jdbc, Clock.systemUTC());
        }

        /** The Kafka message of a stored event: its envelope, wire headers, key and the recorded trace context. */
        static Message<EventEnvelope<?>> kafkaMessage(RecordedEvent recorded) {
            EventEnvelope<?> envelope = recorded.envelope();
            Map<String, Object> headers = new HashMap<>(wireHeaders(envelope));
            recorded.traceContext().forEach(headers::putIfAbsent);
            headers.put(KafkaHeaders.KEY, envelope.aggregateId());
            return MessageBuilder.<EventEnvelope<?>>withPayload(envelope).copyHeaders(headers).build();
        }

        static Map<String, Object> wireHeaders(EventEnvelope<?> envelope) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(EventHeaders.EVENT_TYPE, envelope.type());
            headers.put(EventHeaders.EVENT_VERSION, Integer.toString(envelope.schemaVersion()));
            return headers;
        }

        static String topicOf(EventEnvelope<?> envelope) {
            return EventTypes.find(envelope.type())
                    .orElseThrow(() -> new IllegalStateException("Unregistered event type " + envelope.type()))
                    .topic();
        }
    }
}
