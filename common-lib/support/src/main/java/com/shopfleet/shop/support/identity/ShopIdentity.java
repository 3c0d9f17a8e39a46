package com.shopfleet.shop.support.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import com.shopfleet.shop.contracts.identity.Role;

/**
 * Who is calling, as the gateway vouched for it in the internal identity token: the principal of
 * every authenticated request in a service ({@code @AuthenticationPrincipal ShopIdentity me}).
 */
public record ShopIdentity(long userId, Role role, String name, Locale locale, String clientIp, String sessionId,
        Instant authTime) {

    public ShopIdentity {
        Objects.requireNonNull(role, "role");
        locale = locale == null ? Locale.KOREAN : locale;
    }

    public boolean hasRole(Role required) {
        return role.atLeast(required);
    }
}
