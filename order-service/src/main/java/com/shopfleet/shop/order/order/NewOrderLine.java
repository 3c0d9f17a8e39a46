package com.shopfleet.shop.order.order;

/** A line of an order being placed, priced from the product replica. */
public record NewOrderLine(long productId, String productName, String titleImage, long unitSalePrice, int quantity) {

    public long lineTotal() {
        return Math.multiplyExact(unitSalePrice, (long) quantity);
    }
}
