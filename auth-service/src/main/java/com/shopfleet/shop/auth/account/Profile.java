package com.shopfleet.shop.auth.account;

import java.time.Instant;

import com.shopfleet.shop.contracts.identity.Role;

/**
 * The account as its owner sees it ({@code GET /api/users/me}, login): the phone masked, never
 * the password hash.
 */
public record Profile(long id, String email, String name, String phone, Role role, String locale,
        boolean marketingConsent, Instant createdAt) {

    public static Profile of(User user) {
        PhoneNumber phone = user.phone();
        return new Profile(user.id(), user.email(), user.name(), phone == null ? null : phone.masked(), user.role(),
                user.locale(), user.marketingConsent(), user.createdAt());
    }
}
