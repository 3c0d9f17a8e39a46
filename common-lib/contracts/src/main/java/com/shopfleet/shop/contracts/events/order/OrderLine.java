package com.shopfleet.shop.contracts.events.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A line of an order as the order events carry it; prices in won, {@code unitSalePrice} as priced
 * at checkout from the catalog's {@code salePrice}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLine(long orderItemId, long productId, String productName, int quantity, long unitSalePrice,
        long lineTotal) {
}
