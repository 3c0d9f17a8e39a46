package com.shopfleet.shop.catalog.product;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * The one rounding rule of the fleet for the sale price (CONTRACTS §1): {@code salePrice = price ×
 * (100 − discountRate) / 100}, in whole won, rounded <em>down</em> (integer division): the customer
 * never pays a fraction of a won more than the discount says. Computed here only and sent in
 * {@code ProductChanged.salePrice}.
 */
public final class Pricing {

    public static final long MIN_PRICE = 100;
    public static final long MAX_PRICE = 100_000_000;
    public static final int MAX_DISCOUNT_RATE = 90;

    private Pricing() {
    }

    public static long salePrice(long price, int discountRate) {
        check(price, discountRate);
        return price * (100 - discountRate) / 100;
    }

    static void check(long price, int discountRate) {
        if (price < MIN_PRICE || price > MAX_PRICE) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("price", "catalog.product.price-range"));
        }
        if (discountRate < 0 || discountRate > MAX_DISCOUNT_RATE) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED,
                    Map.of("discountRate", "catalog.product.discount-range"));
        }
    }
}
