package com.shopfleet.shop.auth.session;

/**
 * In-process event: a session was ended (logout, logout elsewhere, password change or reset,
 * withdrawal, theft). Whatever was bound to it — its remember-me series — ends with it.
 */
public record SessionEnded(ActiveSession session) {
}
