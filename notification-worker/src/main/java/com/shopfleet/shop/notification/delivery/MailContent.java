package com.shopfleet.shop.notification.delivery;

import java.util.Objects;

/** A rendered mail: subject, HTML body (user data escaped) and its plain-text alternative. */
public record MailContent(String subject, String html, String text) {

    public MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
