package com.shopfleet.shop.order.product;

/** Whether a product can be put in a cart or ordered, as far as the replica knows. */
public enum ProductAvailability {

    /** On sale. */
    AVAILABLE,
    /** Exists but out of stock. */
    SOLD_OUT,
    /** Exists but not for sale (or a status this service does not know). */
    HIDDEN,
    /** The catalog deleted it. */
    DELETED,
    /** Never seen on the product topic (unknown, or the replica is still being built). */
    UNKNOWN;

    public boolean orderable() {
        return this == AVAILABLE;
    }
}
