package com.shopfleet.shop.order.order.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.shopfleet.shop.contracts.events.Topics;

/**
 * {@code shop.order.order} is created by its producer with its partitions, instead of by whichever
 * client touches it first with the broker's default (one partition, so every consumer group could
 * use one thread only). An existing topic with fewer partitions is widened at start-up.
 */
@Configuration(proxyBeanMethods = false)
class OrderTopicConfiguration {

    @Bean
    NewTopic orderTopic(OrderTopicProperties properties) {
        return TopicBuilder.name(Topics.ORDER_ORDER)
                .partitions(properties.orderPartitions())
                .replicas(properties.replicas())
                .build();
    }
}
