package com.shopfleet.shop.order.checkout;

import org.springframework.stereotype.Component;

/** The shipping rule: a flat fee, free from a goods total (e.g. 3,000 won, free from 50,000). */
@Component
public class ShippingPolicy {

    private final CheckoutProperties properties;

    ShippingPolicy(CheckoutProperties properties) {
        this.properties = properties;
    }

    /** The fee for a goods total; nothing to ship costs nothing. */
    public long feeFor(long goodsTotal) {
        if (goodsTotal <= 0 || goodsTotal >= properties.freeShippingFrom()) {
            return 0;
        }
        return properties.shippingFee();
    }
}
