package com.shopfleet.shop.support.logging;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data and secrets in free text before it reaches a log: e-mail addresses
 * ({@code minsu.kim@example.com} → {@code mi*******@example.com}, as auth-service masks them), phone
 * numbers ({@code 010-2345-6789} → {@code 010-****-6789}), JWT/JWE compact tokens and bearer tokens,
 * secrets written as {@code key=value} / {@code "key":"value"} (password, token, credentials, session
 * and remember-me cookies, numeric reset codes) and names and postal addresses written the same way
 * (a record's {@code toString()}, a JSON body). A name in running prose cannot be recognised: log ids,
 * not names. Ids, UUIDs, trace ids, timestamps and amounts are left alone.
 */
public final class PiiMasking {

    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}_.\\-])";

    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_\\-])eyJ[A-Za-z0-9_\\-]{4,}(?:\\.[A-Za-z0-9_\\-]*){1,4}");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=\\-]{8,}");

    private static final Pattern SECRET = Pattern.compile("(?i)" + NOT_WORD_BEFORE
            + "(password|passwd|new-?password|current-?password|secret|token|access-?token|refresh-?token"
            + "|credentials|signing-?key|wrapping-?key|api-?key|authorization|cookie|session|remember[-_]?me"
            + "|x-?xsrf-?token|xsrf-?token|x-shop-identity)"
            + "(\"?\\s*[=:]\\s*\"?)([^\\s,;&\"'\\])}]+)");

    private static final Pattern CODE = Pattern.compile("(?i)" + NOT_WORD_BEFORE
            + "((?:reset-?|verification-?)?code)(\"?\\s*[=:]\\s*\"?)(\\d{4,8})(?!\\d)");

    private static final Pattern PERSONAL_JSON = Pattern.compile("(?i)\"(name|recipient|recipient-?name|receiver"
            + "|receiver-?name|address|address[12]|address-?line[12]?|detail-?address|street|zip-?code|postal-?code)"
            + "\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern PERSONAL_PAIR = Pattern.compile("(?i)" + NOT_WORD_BEFORE
            + "(name|recipient|recipient-?name|receiver|receiver-?name|address|address[12]|address-?line[12]?"
            + "|detail-?address|street|zip-?code|postal-?code)"
            + "(\\s*=\\s*)([^,\\]\\)}&\"\\r\\n]*)");

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");

    /** Korean mobile and area-code numbers, and any number written with a leading '+'. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}*+])(?:"
            + "(?:\\+82[\\s.\\-]?1[016789]|01[016789])[\\s.\\-]?\\d{3,4}[\\s.\\-]?\\d{4}"
            + "|0(?:2|[3-6][1-5])[\\s.\\-]\\d{3,4}[\\s.\\-]\\d{4}"
            + "|\\+\\d{1,3}[\\s.\\-]?\\d{1,4}(?:[\\s.\\-]?\\d{2,4}){2,3}"
            + ")(?![\\p{L}\\p{N}*])");

    private PiiMasking() {
    }

    /** The text with every recognised piece of personal data or secret masked; {@code null} stays {@code null}. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // cheap checks first: most log lines have no '@', no key-value pair, no token
        boolean pairs = text.indexOf('=') >= 0 || text.indexOf(':') >= 0;
        String masked = text.contains("eyJ") ? replace(TOKEN, text, token -> "eyJ****") : text;
        masked = replace(BEARER, masked, match -> match.substring(0, match.indexOf(' ') + 1) + "****");
        if (pairs) {
            masked = replacePairs(SECRET, masked, value -> "****");
            masked = replacePairs(CODE, masked, value -> "*".repeat(value.length()));
            masked = masked.indexOf('"') >= 0 ? replacePairs(PERSONAL_JSON, masked, PiiMasking::personal) : masked;
            masked = replacePairs(PERSONAL_PAIR, masked, PiiMasking::personal);
        }
        masked = masked.indexOf('@') >= 0 ? replace(EMAIL, masked, PiiMasking::email) : masked;
        return hasDigit(masked) ? replace(PHONE, masked, PiiMasking::phone) : masked;
    }

    /** {@code minsu.kim@example.com} → {@code mi*******@example.com}. */
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

    /** A name or address: its first character and two stars, whatever its length ({@code 김민수} → {@code 김**}). */
    static String personal(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.equals("null")) {
            return value;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "**";
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, Function<String, String> masking) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(masking.apply(matcher.group())));
        }
        while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    /** Patterns of three groups (key, separator, value): only the value is masked. */
    private static String replacePairs(Pattern pattern, String text, Function<String, String> masking) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement = matcher.group(1) + matcher.group(2) + masking.apply(matcher.group(3));
            if (pattern == PERSONAL_JSON) {
                replacement = "\"" + matcher.group(1) + "\"" + matcher.group(2) + "\"" + masking.apply(matcher.group(3)) + "\"";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
