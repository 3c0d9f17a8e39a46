package com.shopfleet.shop.contracts.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * The latest state of a product, on the compacted product topic. Prices are won; {@code salePrice}
 * is computed once by the catalog from {@code price} and {@code discountRate} (percent).
 *
 * @param status {@code ON_SALE}, {@code SOLD_OUT} or {@code HIDDEN}
 * @param deleted the product is gone: consumers drop it from their replicas
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductChanged(long productId, String name, String brand, long categoryId, long price,
        int discountRate, long salePrice, String status, String titleImage, boolean deleted)
        implements IntegrationEvent {

    public static final String TYPE = "ProductChanged";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CATALOG_PRODUCT;
    }

    @Override
    public String aggregateId() {
        return Long.toString(productId);
    }
}
