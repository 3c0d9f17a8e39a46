package com.shopfleet.shop.catalog.product;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * {@code shop.catalog.product} is compacted and keyed by product id: it keeps the latest state of every
 * product, so a consumer rebuilds its replica by reading it from the start.
 */
@Configuration(proxyBeanMethods = false)
class ProductTopicConfiguration {

    @Bean
    NewTopic productTopic(CatalogProperties properties) {
        return TopicBuilder.name(Topics.CATALOG_PRODUCT)
                .partitions(properties.kafka().productPartitions())
                .replicas(properties.kafka().replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
