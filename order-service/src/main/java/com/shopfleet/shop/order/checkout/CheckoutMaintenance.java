package com.shopfleet.shop.order.checkout;

import org.springframework.stereotype.Component;

/** Housekeeping of checkout for its scheduled jobs. */
@Component
public class CheckoutMaintenance {

    private final IdempotencyKeys keys;

    CheckoutMaintenance(IdempotencyKeys keys) {
        this.keys = keys;
    }

    public int forgetExpiredIdempotencyKeys() {
        return keys.forgetExpired();
    }
}
