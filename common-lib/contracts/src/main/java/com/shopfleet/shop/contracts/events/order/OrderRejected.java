package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * An order could not be fulfilled and its points were released.
 *
 * @param reason a reason code, e.g. {@code OUT_OF_STOCK}; messages are localized by the consumer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderRejected(long orderId, String orderNumber, long userId, List<OrderLine> lines,
        OrderAmounts amounts, String reason) implements IntegrationEvent {

    public static final String TYPE = "OrderRejected";

    public OrderRejected {
        lines = List.copyOf(lines);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ORDER_ORDER;
    }

    @Override
    public String aggregateId() {
        return Long.toString(orderId);
    }
}
