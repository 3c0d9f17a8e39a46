package com.shopfleet.shop.catalog.product;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sorts of a product listing, by their wire names. Prices sort by the sale (discounted) price;
 * {@code popular} by sales plus wishlists; every sort breaks ties by id, so pages never overlap.
 */
public enum ProductSort {

    NEWEST("newest"), PRICE_ASC("price_asc"), PRICE_DESC("price_desc"), RATING("rating"), POPULAR("popular");

    private final String wireName;

    ProductSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProductSort> fromWireName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(name)).findFirst();
    }
}
