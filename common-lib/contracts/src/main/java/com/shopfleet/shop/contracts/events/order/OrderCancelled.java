package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * An order was cancelled before shipping; its points are refunded.
 *
 * @param reason        a reason code, e.g. {@code CUSTOMER_REQUEST}; messages are localized by the consumer
 * @param stockReserved whether stock had been reserved, i.e. whether the catalog must release it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCancelled(long orderId, String orderNumber, long userId, List<OrderLine> lines,
        OrderAmounts amounts, String reason, boolean stockReserved) implements IntegrationEvent {

    public static final String TYPE = "OrderCancelled";

    public OrderCancelled {
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
