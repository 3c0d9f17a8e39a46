package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** An order left the warehouse. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderShipped(long orderId, String orderNumber, long userId, String carrier, String trackingNumber,
        ShippingAddress shippingAddress, List<OrderLine> lines) implements IntegrationEvent {

    public static final String TYPE = "OrderShipped";

    public OrderShipped {
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
