package com.shopfleet.shop.notification.deadletter;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.notification.deadletter.internal.DeadLetterRecords;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

    @Bean
    DeadLetterRecords deadLetterRecords(KafkaProperties kafka, DeadLetterProperties properties) {
        return new DeadLetterRecords(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                properties.readTimeout());
    }

    @Bean
    DeadLetters deadLetters(DeadLetterRecords records, JdbcTemplate jdbc, JsonMapper jsonMapper,
            DeadLetterProperties properties, MeterRegistry meters, Clock clock) {
        return new DeadLetters(records, jdbc, jsonMapper, properties, meters, clock);
    }
}
