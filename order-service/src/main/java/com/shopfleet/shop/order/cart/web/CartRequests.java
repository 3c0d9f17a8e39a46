package com.shopfleet.shop.order.cart.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Bodies of the cart endpoints. */
final class CartRequests {

    private CartRequests() {
    }

    /** {@code POST /api/cart/items}. */
    record AddItem(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    /** {@code PUT /api/cart/items/{productId}}. */
    record ChangeQuantity(@NotNull @Min(1) @Max(99) Integer quantity) {
    }
}
