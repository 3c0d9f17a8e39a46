package com.shopfleet.shop.catalog.product;

import java.math.BigDecimal;

/**
 * A product card: what listings, by-ids lookups and wishlists show. {@code status} is the effective one
 * ({@link ProductStatus#effective}); prices in won, {@code salePrice} after {@code discountRate} percent
 * ({@link Pricing}).
 */
public record ProductSummary(long id, String name, String brand, long categoryId, String titleImage, long price,
        int discountRate, long salePrice, ProductStatus status, BigDecimal ratingAverage, int reviewCount) {
}
