package com.shopfleet.shop.auth.rememberme;

import com.shopfleet.shop.auth.session.SessionOwner;
import com.shopfleet.shop.auth.session.StartedSession;

/** A successful remember-me exchange: the new session, the rotated cookie, whose they are. */
public record Exchanged(StartedSession session, String rememberMeCookie, long rememberMeMaxAgeSeconds,
        SessionOwner owner) {

    @Override
    public String toString() {
        return "Exchanged[userId=" + owner.userId() + "]";
    }
}
