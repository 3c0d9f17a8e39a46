package com.shopfleet.shop.auth.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.recovery.*}: password reset codes and "find my email".
 *
 * @param codeTtl how long a reset code is valid
 * @param maxCodeAttempts wrong guesses before a code is void
 * @param cooldown at most one code (or one email lookup message) per account in this time
 * @param maxCodesPerDay at most this many codes per account per day, so guessing stays hopeless
 * @param maxRequestsPerIp reset, confirm and lookup requests per client address within the window (429 beyond)
 * @param requestWindow that window
 */
@ConfigurationProperties("shop.auth.recovery")
public record RecoveryProperties(@DefaultValue("10m") Duration codeTtl, @DefaultValue("5") int maxCodeAttempts,
        @DefaultValue("60s") Duration cooldown, @DefaultValue("5") int maxCodesPerDay,
        @DefaultValue("10") int maxRequestsPerIp, @DefaultValue("15m") Duration requestWindow) {
}
