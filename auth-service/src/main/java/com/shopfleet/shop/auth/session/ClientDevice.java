package com.shopfleet.shop.auth.session;

/** Where a session was started from: the client address the gateway decided, and its User-Agent. */
public record ClientDevice(String clientIp, String userAgent) {

    private static final int MAX_USER_AGENT = 255;

    public ClientDevice {
        if (userAgent != null) {
            userAgent = userAgent.isBlank() ? null
                    : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        }
    }
}
