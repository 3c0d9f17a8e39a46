package com.shopfleet.shop.auth.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Passwords: checked against the policy, hashed with the delegating encoder (Argon2id by default,
 * older encodings still verified and upgraded at the next login), verified in constant work —
 * an unknown or withdrawn account costs one hash comparison too, so timing tells nothing.
 */
@Component
public class Passwords {

    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final String dummyHash;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** Refuses a password the policy does not accept with 400, naming {@code field}. */
    public void requireAcceptable(String field, String password, String email) {
        policy.violation(password, email).ifPresent(reason -> {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of(field, reason));
        });
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} is the user's; false (after the same work) for a missing or withdrawn user. */
    public boolean matches(User user, String password) {
        if (user == null || !user.isActive() || user.passwordHash() == null || password == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            return false;
        }
        return encoder.matches(password, user.passwordHash());
    }

    boolean needsRehash(User user) {
        return user.passwordHash() != null && encoder.upgradeEncoding(user.passwordHash());
    }
}
