package com.shopfleet.shop.auth.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.login.*}: brute-force limits and the audit.
 *
 * @param maxFailuresPerAccount failed logins of one email within the window before it is locked (429)
 * @param maxFailuresPerIp failed logins from one client address within the window (NAT: higher)
 * @param failureWindow the window, starting with the first failure; the lock ends with it
 * @param auditRetention how long login attempts are kept
 */
@ConfigurationProperties("shop.auth.login")
public record LoginProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerIp,
        @DefaultValue("15m") Duration failureWindow, @DefaultValue("365d") Duration auditRetention) {
}
