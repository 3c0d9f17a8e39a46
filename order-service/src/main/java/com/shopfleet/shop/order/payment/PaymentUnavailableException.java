package com.shopfleet.shop.order.payment;

/** The provider could not be reached or did not answer: nothing is known to have happened; retry later. */
public class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
