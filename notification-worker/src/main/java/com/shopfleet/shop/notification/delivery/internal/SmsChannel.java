package com.shopfleet.shop.notification.delivery.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.Prepared;
import com.shopfleet.shop.notification.delivery.SmsMessage;
import com.shopfleet.shop.notification.delivery.SmsSender;
import com.shopfleet.shop.support.logging.PiiMasking;

/** SMS through the {@link SmsSender} port, with the number normalized to digits (and a leading '+'). */
public class SmsChannel {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{8,15}");

    private final SmsSender sender;

    public SmsChannel(SmsSender sender) {
        this.sender = sender;
    }

    public void send(Prepared.Sms sms, UUID eventId) {
        sender.send(new SmsMessage(normalize(sms.to()), sms.text(), eventId + ":SMS"));
    }

    static String normalize(String phone) {
        String number = phone == null ? "" : SEPARATORS.matcher(phone).replaceAll("");
        if (!NUMBER.matcher(number).matches()) {
            throw new DeliveryException(FailureReason.INVALID_PHONE,
                    "recipient " + PiiMasking.phone(phone) + " is not a phone number an SMS can go to");
        }
        return number;
    }
}
