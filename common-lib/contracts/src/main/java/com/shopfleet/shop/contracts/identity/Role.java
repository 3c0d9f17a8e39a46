package com.shopfleet.shop.contracts.identity;

/**
 * One role per user, ranked ADMIN > MANAGER > SELLER > USER (CONTRACTS §3): a higher role may do
 * everything a lower one may.
 */
public enum Role {

    USER, SELLER, MANAGER, ADMIN;

    /** Whether this role ranks at least as high as {@code required}. */
    public boolean atLeast(Role required) {
        return ordinal() >= required.ordinal();
    }
}
