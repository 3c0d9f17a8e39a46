package com.shopfleet.shop.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where and to whom an order is delivered; {@code address2} is the detail line (building, unit). */
@Embeddable
public record DeliveryAddress(@Column(name = "recipient_name") String recipientName, @Column(name = "phone") String phone,
        @Column(name = "zip_code") String zipCode, @Column(name = "address1") String address1,
        @Column(name = "address2") String address2, @Column(name = "delivery_request") String deliveryRequest) {
}
