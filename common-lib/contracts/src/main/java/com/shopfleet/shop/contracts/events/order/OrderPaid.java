package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * An order was paid.
 *
 * @param paymentMethod e.g. {@code CARD}, {@code BANK_TRANSFER}, {@code POINTS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPaid(long orderId, String orderNumber, long userId, String paymentMethod,
        List<OrderLine> lines, OrderAmounts amounts) implements IntegrationEvent {

    public static final String TYPE = "OrderPaid";

    public OrderPaid {
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
