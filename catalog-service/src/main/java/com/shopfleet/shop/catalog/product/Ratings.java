package com.shopfleet.shop.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rating averages as clients see them: one decimal, half-up, 0.0 without reviews. */
public final class Ratings {

    private Ratings() {
    }

    public static BigDecimal average(long ratingSum, int reviewCount) {
        if (reviewCount <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(reviewCount), 1, RoundingMode.HALF_UP);
    }
}
