package com.shopfleet.shop.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.notification.delivery.internal.DeliveryHealthIndicator;
import com.shopfleet.shop.notification.delivery.internal.HttpSmsSender;
import com.shopfleet.shop.notification.delivery.internal.MailChannel;
import com.shopfleet.shop.notification.delivery.internal.SmsChannel;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
@EnableScheduling
class DeliveryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, Clock clock) {
        return new DeliveryMetrics(registry, clock);
    }

    @Bean("notificationsHealthIndicator")
    DeliveryHealthIndicator notificationsHealthIndicator(DeliveryMetrics metrics, DeliveryProperties properties) {
        return new DeliveryHealthIndicator(metrics, properties.unhealthyAfterFailures());
    }

    @Bean
    SentLog sentLog(JdbcTemplate jdbc, Clock clock) {
        return new SentLog(jdbc, clock);
    }

    @Bean
    SchedulingConfigurer sentLogCleanup(SentLog sentLog, DeliveryProperties properties) {
        return registrar -> registrar.addFixedDelayTask(() -> sentLog.forgetOlderThan(properties.sentLogRetention()),
                Duration.ofHours(1));
    }

    /** Mail and (local) page templates: HTML mode for {@code *.html}, text mode for {@code *.txt}. */
    @Bean
    SpringTemplateEngine mailTemplateEngine(MessageSource messageSource) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messageSource);
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    @Bean
    MailTemplates mailTemplates(SpringTemplateEngine mailTemplateEngine, MessageSource messageSource,
            DeliveryProperties properties) {
        return new MailTemplates(mailTemplateEngine, messageSource, properties);
    }

    @Bean
    MailChannel mailChannel(JavaMailSender mailSender, DeliveryProperties properties) {
        return new MailChannel(mailSender, properties.mail().from(), properties.mail().messageIdDomain());
    }

    @Bean
    @ConditionalOnProperty(name = "shop.notification.sms.provider", havingValue = "logging", matchIfMissing = true)
    LoggingSmsSender loggingSmsSender(DeliveryProperties properties, Clock clock) {
        return new LoggingSmsSender(properties.sms().keep(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "shop.notification.sms.provider", havingValue = "http")
    HttpSmsSender httpSmsSender(DeliveryProperties properties) {
        return new HttpSmsSender(properties.sms().http(), properties.sms().sender());
    }

    @Bean
    SmsChannel smsChannel(SmsSender smsSender) {
        return new SmsChannel(smsSender);
    }

    @Bean
    Deliveries deliveries(SentLog sentLog, MailChannel mailChannel, SmsChannel smsChannel,
            PlatformTransactionManager transactionManager, DeliveryMetrics metrics) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Deliveries(sentLog, mailChannel, smsChannel, ownTransaction, metrics);
    }

    @Bean
    EventConsumers eventConsumers(ProcessedEvents processed, TransactionTemplate transactionTemplate,
            JsonMapper jsonMapper, DeliveryMetrics metrics, BindingServiceProperties bindings) {
        return new EventConsumers(processed, transactionTemplate, jsonMapper, metrics, bindings);
    }
}
