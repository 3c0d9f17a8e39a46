package com.shopfleet.shop.notification.delivery;

import java.util.Locale;

/** How a message reaches a person. One event may use several; each is sent (and logged) once. */
public enum Channel {

    MAIL, SMS;

    /** The metric tag value: {@code mail}, {@code sms}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
