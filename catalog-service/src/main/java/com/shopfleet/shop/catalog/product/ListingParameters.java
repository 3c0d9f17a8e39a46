package com.shopfleet.shop.catalog.product;

/**
 * A listing request as the client sent it, before validation ({@link ProductQueries#parse}); numbers
 * that are not numbers were already refused by binding.
 */
public record ListingParameters(String q, Long category, Long minPrice, Long maxPrice, String sort, Integer page,
        Integer size) {
}
