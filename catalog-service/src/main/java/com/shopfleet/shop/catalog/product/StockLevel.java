package com.shopfleet.shop.catalog.product;

/**
 * A product's stock counters. Conservation: {@code initial + Σ adjustments = available + reserved + sold}.
 *
 * @param sellable the product can be reserved (staff status ON_SALE, not deleted)
 */
public record StockLevel(long productId, int initial, int available, int reserved, int sold, boolean sellable,
        boolean deleted) {

    public int onHand() {
        return available + reserved + sold;
    }
}
