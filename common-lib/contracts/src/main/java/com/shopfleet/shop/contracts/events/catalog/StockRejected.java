package com.shopfleet.shop.contracts.events.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** The catalog reserved nothing for an order because some lines lack stock. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockRejected(long orderId, List<ShortLine> shortLines) implements IntegrationEvent {

    public static final String TYPE = "StockRejected";

    public StockRejected {
        shortLines = List.copyOf(shortLines);
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

    /** A line that could not be reserved: what the order asked for and what was left. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShortLine(long productId, int requested, int available) {
    }
}
