package com.shopfleet.shop.catalog.product;

/**
 * A product's status. Staff set {@code ON_SALE}, {@code SOLD_OUT} or {@code HIDDEN}; what clients and
 * events see is the effective status: an {@code ON_SALE} product without available stock is
 * {@code SOLD_OUT}.
 */
public enum ProductStatus {

    ON_SALE, SOLD_OUT, HIDDEN;

    /** What clients and {@code ProductChanged} see for a staff status and the available stock. */
    public static ProductStatus effective(ProductStatus staffStatus, int available) {
        if (staffStatus == ON_SALE && available <= 0) {
            return SOLD_OUT;
        }
        return staffStatus;
    }
}
