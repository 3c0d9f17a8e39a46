package com.shopfleet.shop.contracts.events.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** An order arrived: each of its items may now be reviewed once. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderDelivered(long orderId, String orderNumber, long userId, List<Item> items)
        implements IntegrationEvent {

    public static final String TYPE = "OrderDelivered";

    public OrderDelivered {
        items = List.copyOf(items);
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

    /** A delivered order item and its product. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(long orderItemId, long productId) {
    }
}
