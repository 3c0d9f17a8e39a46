package com.shopfleet.shop.auth.rememberme.web;

import com.shopfleet.shop.auth.rememberme.Exchanged;
import com.shopfleet.shop.contracts.identity.Role;

/** What the gateway sets and continues with (docs/identity-flow.md); {@code authTime} is epoch millis as a string. */
record ExchangeResponse(String sessionCookie, String rememberMeCookie, long rememberMeMaxAgeSeconds, long userId,
        Role role, String name, String locale, String authTime) {

    static ExchangeResponse from(Exchanged exchanged) {
        return new ExchangeResponse(exchanged.session().cookieValue(), exchanged.rememberMeCookie(),
                exchanged.rememberMeMaxAgeSeconds(), exchanged.owner().userId(), exchanged.owner().role(),
                exchanged.owner().name(), exchanged.owner().locale(),
                Long.toString(exchanged.session().authTime().toEpochMilli()));
    }

    @Override
    public String toString() {
        return "ExchangeResponse[userId=" + userId + "]";
    }
}
