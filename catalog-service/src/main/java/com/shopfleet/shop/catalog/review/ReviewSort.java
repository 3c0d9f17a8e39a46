package com.shopfleet.shop.catalog.review;

import java.util.Arrays;
import java.util.Optional;

/** Review orders: newest first, or by rating (high or low first, newest first among equals). */
public enum ReviewSort {

    NEWEST("newest"), RATING_DESC("rating_desc"), RATING_ASC("rating_asc");

    private final String wireName;

    ReviewSort(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<ReviewSort> fromWireName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(name)).findFirst();
    }
}
