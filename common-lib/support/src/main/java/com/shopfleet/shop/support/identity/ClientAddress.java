package com.shopfleet.shop.support.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as the gateway decided it (trusting {@code X-Forwarded-For} only from its
 * configured proxies) and passed in the identity token — also for anonymous requests. Per-IP limits
 * and audit logs use it; a request that did not come through the gateway falls back to the socket's
 * peer address.
 */
public final class ClientAddress {

    static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        Object fromGateway = request.getAttribute(ATTRIBUTE);
        return fromGateway != null ? fromGateway.toString() : request.getRemoteAddr();
    }
}
