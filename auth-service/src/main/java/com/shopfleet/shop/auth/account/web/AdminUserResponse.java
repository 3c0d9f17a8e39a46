package com.shopfleet.shop.auth.account.web;

import java.time.Instant;

import com.shopfleet.shop.auth.account.PhoneNumber;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.contracts.identity.Role;

/** A user as staff see it in the list (phone masked). */
record AdminUserResponse(long id, String email, String name, String phone, Role role, String locale,
        boolean marketingConsent, Instant createdAt) {

    static AdminUserResponse from(User user) {
        PhoneNumber phone = user.phone();
        return new AdminUserResponse(user.id(), user.email(), user.name(), phone == null ? null : phone.masked(),
                user.role(), user.locale(), user.marketingConsent(), user.createdAt());
    }
}
