package com.shopfleet.shop.auth.session;

import com.shopfleet.shop.contracts.identity.Role;

/** Whose session it is: what the gateway reads from it (CONTRACTS §3). */
public record SessionOwner(long userId, Role role, String name, String locale) {
}
