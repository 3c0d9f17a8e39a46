package com.shopfleet.shop.auth.session.web;

import java.time.Instant;

import com.shopfleet.shop.auth.session.ActiveSession;

/**
 * One of the caller's sessions. {@code id} is the session's public handle (never the session id,
 * which is a bearer secret); {@code current} marks the session making this request.
 */
record SessionResponse(String id, String device, String userAgent, String clientIp, Instant createdAt,
        Instant lastSeenAt, boolean current) {

    static SessionResponse from(ActiveSession session, String currentSessionId) {
        return new SessionResponse(session.handle(), Devices.describe(session.userAgent()), session.userAgent(),
                session.clientIp(), session.createdAt(), session.lastSeenAt(), session.id().equals(currentSessionId));
    }
}
