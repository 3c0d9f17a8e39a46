package com.shopfleet.shop.order.checkout.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.shopfleet.shop.order.checkout.CheckoutCommand;
import com.shopfleet.shop.order.order.DeliveryAddress;
import com.shopfleet.shop.order.payment.PaymentMethod;

/**
 * {@code POST /api/orders}. No prices: the server computes them; {@code expectedTotal} (optional) is
 * the payment amount the buyer saw, refused with 409 {@code PRICE_CHANGED} when it no longer holds.
 */
record CheckoutRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items, @NotNull @Valid Shipping shipping,
        @NotNull @Pattern(regexp = "BANK_TRANSFER|CARD|MOBILE") String paymentMethod,
        @PositiveOrZero Long usePoints, @PositiveOrZero Long expectedTotal) {

    record Item(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record Shipping(@NotBlank @Size(max = 50) String recipientName,
            @NotBlank @Pattern(regexp = "0\\d{1,2}-?\\d{3,4}-?\\d{4}") String phone,
            @NotBlank @Pattern(regexp = "\\d{5}") String zipCode, @NotBlank @Size(max = 200) String address1,
            @Size(max = 200) String address2, @Size(max = 200) String deliveryRequest) {
    }

    CheckoutCommand toCommand() {
        return new CheckoutCommand(items.stream().map(item -> new CheckoutCommand.Item(item.productId(), item.quantity()))
                .toList(), new DeliveryAddress(shipping.recipientName().strip(), shipping.phone(), shipping.zipCode(),
                        shipping.address1().strip(), blankToNull(shipping.address2()),
                        blankToNull(shipping.deliveryRequest())),
                PaymentMethod.valueOf(paymentMethod), usePoints == null ? 0 : usePoints, expectedTotal);
    }

    boolean hasDuplicateProducts() {
        return items.stream().map(Item::productId).distinct().count() != items.size();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
