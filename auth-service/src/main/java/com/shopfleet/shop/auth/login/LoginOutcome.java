package com.shopfleet.shop.auth.login;

/** How a login attempt ended, as the audit records it. */
public enum LoginOutcome {
    SUCCESS,
    BAD_CREDENTIALS,
    RATE_LIMITED,
    LOGIN_KEY_EXPIRED,
    LOGIN_REPLAYED,
    LOGIN_STALE,
    CREDENTIALS_NOT_ENCRYPTED,
    INCOMPLETE_CREDENTIALS
}
