package com.shopfleet.shop.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: 8–64 characters (code points), no control characters, at least two
 * of letters, digits and symbols, not one of the common passwords of {@code passwords/common-passwords.txt}
 * and not built from the account's email. Gives the bundle key of the reason it is refused.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("passwords/common-passwords.txt");
    }

    Optional<String> violation(String password, String email) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("error.auth.password.length");
        }
        boolean letters = false;
        boolean digits = false;
        boolean symbols = false;
        for (int i = 0; i < password.length();) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return Optional.of("error.auth.password.characters");
            }
            if (Character.isLetter(c)) {
                letters = true;
            }
            else if (Character.isDigit(c)) {
                digits = true;
            }
            else if (!Character.isWhitespace(c)) {
                symbols = true;
            }
        }
        if ((letters ? 1 : 0) + (digits ? 1 : 0) + (symbols ? 1 : 0) < 2) {
            return Optional.of("error.auth.password.classes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("error.auth.password.common");
        }
        if (email != null) {
            String local = EmailAddress.normalize(email);
            int at = local.indexOf('@');
            local = at > 0 ? local.substring(0, at) : local;
            if (local.length() >= 4 && lower.contains(local)) {
                return Optional.of("error.auth.password.email");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    passwords.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(passwords);
    }
}
