package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** The stock of an order was reserved and its points spent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderConfirmed(long orderId, String orderNumber, long userId, List<OrderLine> lines,
        OrderAmounts amounts) implements IntegrationEvent {

    public static final String TYPE = "OrderConfirmed";

    public OrderConfirmed {
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
