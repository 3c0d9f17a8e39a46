package com.shopfleet.shop.catalog.product;

import java.util.List;

/** What staff write about a product (everything but its stock, which changes only through adjustments). */
public record ProductDraft(String name, String brand, long categoryId, String titleImage, List<String> images,
        String description, long price, int discountRate, ProductStatus status) {

    public ProductDraft {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
