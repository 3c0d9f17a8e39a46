package com.shopfleet.shop.contracts.events.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where an order is shipped to; {@code address2} is the detail line (building, unit). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShippingAddress(String recipientName, String phone, String zipCode, String address1,
        String address2) {
}
