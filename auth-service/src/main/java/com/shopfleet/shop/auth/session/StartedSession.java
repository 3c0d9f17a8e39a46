package com.shopfleet.shop.auth.session;

import java.time.Instant;

/**
 * A new session: its id, the {@code SESSION} cookie value for it (base64 of the id) and the
 * authentication time it carries.
 */
public record StartedSession(String id, String cookieValue, Instant authTime) {

    @Override
    public String toString() {
        return "StartedSession[id=(hidden), authTime=" + authTime + "]";
    }
}
