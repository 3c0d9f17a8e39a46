package com.shopfleet.shop.contracts.events.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** The catalog reserved the stock of every line of an order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockReserved(long orderId, List<Line> lines) implements IntegrationEvent {

    public static final String TYPE = "StockReserved";

    public StockReserved {
        lines = List.copyOf(lines);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CATALOG_STOCK;
    }

    @Override
    public String aggregateId() {
        return Long.toString(orderId);
    }

    /** A reserved quantity of one product. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long productId, int quantity) {
    }
}
