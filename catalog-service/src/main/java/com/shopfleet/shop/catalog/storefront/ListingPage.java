package com.shopfleet.shop.catalog.storefront;

import java.util.List;

import com.shopfleet.shop.catalog.product.ProductSummary;

/** A cached listing page: its cards and how many products match in all. */
record ListingPage(List<ProductSummary> content, long totalElements) {

    ListingPage {
        content = List.copyOf(content);
    }
}
