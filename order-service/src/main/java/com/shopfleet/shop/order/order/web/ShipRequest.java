package com.shopfleet.shop.order.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/orders/{id}/ship}. */
record ShipRequest(@NotBlank @Size(max = 50) String carrier,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9-]+") String trackingNumber) {
}
