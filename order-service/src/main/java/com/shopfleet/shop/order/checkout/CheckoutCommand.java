package com.shopfleet.shop.order.checkout;

import java.util.List;

import com.shopfleet.shop.order.order.DeliveryAddress;
import com.shopfleet.shop.order.payment.PaymentMethod;

/**
 * A checkout as the buyer asked for it: what (no prices: the server prices from its replica), where
 * to, how to pay, how many points to use and, optionally, the total the buyer saw.
 */
public record CheckoutCommand(List<Item> items, DeliveryAddress shipping, PaymentMethod paymentMethod, long usePoints,
        Long expectedTotal) {

    public CheckoutCommand {
        items = List.copyOf(items);
    }

    public record Item(long productId, int quantity) {
    }
}
