package com.shopfleet.shop.auth.session;

import java.time.Instant;

/**
 * A live session of a user as auth-service sees it. {@code id} is the session id itself — a bearer
 * secret that never leaves the service; {@code handle} is the public name of the session (a hash of
 * the id) used by the sessions API.
 */
public record ActiveSession(String id, String handle, long userId, String clientIp, String userAgent,
        Instant createdAt, Instant lastSeenAt, String rememberMeSeries) {

    @Override
    public String toString() {
        return "ActiveSession[handle=" + handle + ", userId=" + userId + "]";
    }
}
