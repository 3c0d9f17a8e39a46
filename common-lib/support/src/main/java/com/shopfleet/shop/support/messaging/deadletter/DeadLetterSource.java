package com.shopfleet.shop.support.messaging.deadletter;

/**
 * One consumer binding whose failures go to a dead-letter topic.
 *
 * @param alias           the short name in dead-letter ids and filters (e.g. {@code order} for
 *                        {@code shop.order.order}), unique within the service
 * @param topic           the consumed topic, where a replay republishes
 * @param group           the consumer group
 * @param deadLetterTopic where the binder dead-letters ({@code <topic>.<group>.dlt} in this fleet)
 */
public record DeadLetterSource(String alias, String topic, String group, String deadLetterTopic) {
}
