package com.shopfleet.shop.auth.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Korean mobile number, stored as digits ({@code 01023456789}), shown as {@code 010-2345-6789}
 * (the events' form) or masked ({@code 010-****-6789}).
 */
public record PhoneNumber(String digits) {

    private static final Pattern MOBILE = Pattern.compile("01[016789][0-9]{7,8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

    /** The number in {@code text} (digits, optionally with hyphens, dots or spaces), if it is a mobile number. */
    public static Optional<PhoneNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text.trim()).replaceAll("");
        return MOBILE.matcher(digits).matches() ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
    }

    public String formatted() {
        int middle = digits.length() - 7;
        return digits.substring(0, 3) + "-" + digits.substring(3, 3 + middle) + "-" + digits.substring(3 + middle);
    }

    public String masked() {
        int middle = digits.length() - 7;
        return digits.substring(0, 3) + "-" + "*".repeat(middle) + "-" + digits.substring(3 + middle);
    }

    @Override
    public String toString() {
        return masked();
    }
}
