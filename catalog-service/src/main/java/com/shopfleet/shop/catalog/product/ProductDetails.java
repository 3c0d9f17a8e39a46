package com.shopfleet.shop.catalog.product;

import java.time.Instant;
import java.util.List;

/** A visible product with everything the detail page shows of the product itself. */
public record ProductDetails(ProductSummary summary, List<String> images, String description, Instant createdAt,
        Instant updatedAt) {

    public ProductDetails {
        images = List.copyOf(images);
    }
}
