package com.shopfleet.shop.notification.contact;

import java.util.Locale;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * A person to notify, as the contact replica knows them.
 *
 * @param email  null when only updates (no registration) reached the replica
 * @param phone  null when they gave none
 * @param locale the language of their messages
 */
public record Recipient(long userId, String email, String phone, String name, Locale locale) {

    /** Their address, or {@link FailureReason#CONTACT_WITHOUT_EMAIL}. */
    public String requireEmail() {
        if (email == null || email.isBlank()) {
            throw new DeliveryException(FailureReason.CONTACT_WITHOUT_EMAIL,
                    "the contact of user " + userId + " has no email address");
        }
        return email;
    }

    /** How to greet them: their name, or nothing. */
    public String displayName() {
        return name == null ? "" : name;
    }

    @Override
    public String toString() {
        return "Recipient[userId=" + userId + ", email=" + PiiMasking.email(email) + ", phone=" + PiiMasking.phone(phone)
                + ", locale=" + locale + "]";
    }
}
