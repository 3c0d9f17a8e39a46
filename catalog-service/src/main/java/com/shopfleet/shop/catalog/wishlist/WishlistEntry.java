package com.shopfleet.shop.catalog.wishlist;

import java.time.Instant;

import com.shopfleet.shop.catalog.product.ProductSummary;

/** A wishlist entry with its product card; {@code product} is null once the product is hidden or deleted. */
public record WishlistEntry(long productId, Instant addedAt, ProductSummary product) {
}
