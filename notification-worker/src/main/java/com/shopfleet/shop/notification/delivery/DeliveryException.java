package com.shopfleet.shop.notification.delivery;

/**
 * A channel adapter or a message preparation could not deliver: the reason decides whether it is
 * retried. The detail must not carry personal data unmasked (it ends in logs and dead letters).
 */
public class DeliveryException extends RuntimeException {

    private final FailureReason reason;

    public DeliveryException(FailureReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public DeliveryException(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
