package com.shopfleet.shop.catalog.product;

import java.util.List;

/** A page of a product listing and how many products match in all. */
public record SearchResult<T>(List<T> content, long totalElements) {

    public SearchResult {
        content = List.copyOf(content);
    }
}
