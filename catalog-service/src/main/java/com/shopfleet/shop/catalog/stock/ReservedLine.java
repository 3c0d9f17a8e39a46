package com.shopfleet.shop.catalog.stock;

import jakarta.persistence.Embeddable;

/** A quantity of one product held for an order. */
@Embeddable
record ReservedLine(long productId, int quantity) {
}
