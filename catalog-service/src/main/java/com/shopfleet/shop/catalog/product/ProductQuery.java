package com.shopfleet.shop.catalog.product;

import java.util.List;
import java.util.Set;

/**
 * A validated listing query (see {@link ProductQueries#parse}).
 *
 * @param terms lower-cased keyword terms, every one must match (name, brand or category name)
 * @param category the category asked for; null for all
 * @param categoryIds what {@code category} covers: the category and its children; null for all
 * @param minPrice lowest sale price, inclusive; null for none
 * @param maxPrice highest sale price, inclusive; null for none
 * @param staff include hidden products (staff listings); deleted ones only with {@code includeDeleted}
 * @param includeDeleted staff only: include deleted products
 */
public record ProductQuery(List<String> terms, Long category, Set<Long> categoryIds, Long minPrice, Long maxPrice,
        ProductSort sort, int page, int size, boolean staff, boolean includeDeleted) {

    public ProductQuery {
        terms = List.copyOf(terms);
        categoryIds = categoryIds == null ? null : Set.copyOf(categoryIds);
    }

    public boolean hasKeyword() {
        return !terms.isEmpty();
    }

    /** A stable text naming a public browse query (no keyword), for cache keys. */
    public String cacheKey() {
        return "c=" + (category == null ? "" : category) + "|min=" + (minPrice == null ? "" : minPrice) + "|max="
                + (maxPrice == null ? "" : maxPrice) + "|s=" + sort.wireName() + "|p=" + page + "|n=" + size;
    }
}
