package com.shopfleet.shop.order.product.messaging;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.order.product.ProductReplica;

/**
 * The product replica's consumer ({@code productEvents}, group {@code order}, on the compacted
 * {@code shop.catalog.product}). When a partition is assigned and the replica holds nothing from it
 * — a new database, or a replica that was wiped — the consumer seeks that partition to its start,
 * whatever offsets the group had committed, so the replica is rebuilt from the topic.
 */
@Configuration(proxyBeanMethods = false)
class ProductEventsConfiguration {

    static final String BINDING = "productEvents-in-0";

    private static final Logger log = LoggerFactory.getLogger(ProductEventsConfiguration.class);

    @Bean
    Consumer<Message<byte[]>> productEvents(ProductReplica replica, JsonMapper jsonMapper) {
        return message -> {
            EventEnvelope<JsonNode> envelope = jsonMapper.readValue(message.getPayload(),
                    jsonMapper.getTypeFactory().constructParametricType(EventEnvelope.class, JsonNode.class));
            if (!ProductChanged.TYPE.equals(envelope.type())) {
                log.debug("Ignoring {} on the product topic", envelope.type());
                return;
            }
            ProductChanged changed = jsonMapper.convertValue(envelope.payload(), ProductChanged.class);
            Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
            replica.apply(changed, envelope.aggregateVersion(), envelope.occurredAt(), partition == null ? 0 : partition);
        };
    }

    /** The one rebalance listener of the application's Kafka bindings; it acts on the product binding only. */
    @Bean
    KafkaBindingRebalanceListener productReplicaRebuild(ProductReplica replica) {
        return new KafkaBindingRebalanceListener() {

            @Override
            public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                    Collection<TopicPartition> partitions, boolean initial) {
                if (!BINDING.equals(bindingName)) {
                    return;
                }
                List<TopicPartition> empty = partitions.stream()
                        .filter(partition -> replica.isEmptyFor(partition.partition()))
                        .toList();
                if (!empty.isEmpty()) {
                    log.info("Product replica holds nothing from {}: reading them from the start", empty);
                    consumer.seekToBeginning(empty);
                }
            }
        };
    }
}
