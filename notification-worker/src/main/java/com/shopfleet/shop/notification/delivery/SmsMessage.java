package com.shopfleet.shop.notification.delivery;

import java.util.Objects;

import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * A text message for the SMS port.
 *
 * @param to        the phone number, digits with an optional leading '+'
 * @param text      the message
 * @param reference unique per event and channel ({@code <eventId>:SMS}); an HTTP provider gets it as
 *                  an idempotency key
 */
public record SmsMessage(String to, String text, String reference) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String toString() {
        return "SmsMessage[to=" + PiiMasking.phone(to) + ", reference=" + reference + "]";
    }
}
