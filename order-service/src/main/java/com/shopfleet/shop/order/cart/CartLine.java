package com.shopfleet.shop.order.cart;

import java.time.Instant;

/** A stored cart line: how many, at what sale price the buyer last saw when adding it, since when. */
record CartLine(long productId, int quantity, long priceWhenAdded, Instant addedAt) {
}
