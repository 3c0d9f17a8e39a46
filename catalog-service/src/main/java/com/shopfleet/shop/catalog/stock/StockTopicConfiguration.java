package com.shopfleet.shop.catalog.stock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.contracts.events.Topics;

/** {@code shop.catalog.stock}: reservation outcomes keyed by order id. */
@Configuration(proxyBeanMethods = false)
class StockTopicConfiguration {

    @Bean
    NewTopic stockTopic(CatalogProperties properties) {
        return TopicBuilder.name(Topics.CATALOG_STOCK)
                .partitions(properties.kafka().stockPartitions())
                .replicas(properties.kafka().replicas())
                .build();
    }
}
