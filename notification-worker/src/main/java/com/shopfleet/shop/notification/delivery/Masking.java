package com.shopfleet.shop.notification.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses and phone numbers as they may appear in logs, the sent log and dead-letter
 * listings: {@code minsu.kim@example.com} → {@code mi*******@example.com} (as auth-service masks
 * them), {@code 010-2345-6789} → {@code 010-****-6789}.
 */
public final class Masking {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}.\\-]+\\.[\\p{L}]{2,}");

    /** Runs of 8+ digits, optionally with one leading '+' and single separators (space, '-', '.'). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d*])\\+?\\d(?:[\\s.\\-]?\\d){7,}(?![\\d*])");

    private Masking() {
    }

    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.max(3, Math.min(email.length(), 12)));
        }
        String local = email.substring(0, at);
        int keep = local.length() <= 2 ? 1 : 2;
        return local.substring(0, keep) + "*".repeat(local.length() - keep) + email.substring(at);
    }

    /** Keeps the first three and the last four digits (fewer for short numbers) and every separator. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int keepHead = digits >= 10 ? 3 : 0;
        int keepTail = digits >= 8 ? 4 : Math.min(2, digits / 3);
        StringBuilder masked = new StringBuilder(phone.length());
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen <= keepHead || seen > digits - keepTail ? c : '*');
            }
            else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** Any text with every email address and phone-like number in it masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutEmails = replace(EMAIL.matcher(text), true);
        return replace(PHONE.matcher(withoutEmails), false);
    }

    private static String replace(Matcher matcher, boolean email) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(email ? email(found) : phone(found)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
