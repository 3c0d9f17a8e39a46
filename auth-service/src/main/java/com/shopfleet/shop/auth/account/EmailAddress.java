package com.shopfleet.shop.auth.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * An email as typed and its normalized form (trimmed, NFC, lower case): the normalized form is the
 * unique key, so {@code Minsu.Kim@Example.com} and {@code minsu.kim@example.com} are one account.
 */
public record EmailAddress(String value, String normalized) {

    public static EmailAddress of(String typed) {
        String value = Normalizer.normalize(typed.trim(), Normalizer.Form.NFC);
        return new EmailAddress(value, normalize(value));
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** {@code minsu.kim@example.com} → {@code mi*******@example.com}: enough to recognize, not to use. */
    public static String mask(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.max(1, email.length()));
        }
        String local = email.substring(0, at);
        int keep = local.length() <= 1 ? 0 : local.length() <= 3 ? 1 : 2;
        return local.substring(0, keep) + "*".repeat(local.length() - keep) + email.substring(at);
    }

    @Override
    public String toString() {
        return value;
    }
}
