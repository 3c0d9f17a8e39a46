package com.shopfleet.shop.auth.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.login-key.*}: the RSA key pairs browsers encrypt credentials for.
 *
 * @param size RSA modulus bits (2048 or more)
 * @param rotation how long a key is the current one; periods are aligned to the epoch, so every
 *        instance agrees on which key is current
 * @param grace how long a key is still accepted after it stopped being current
 * @param wrappingKey a base64 AES-256 key that wraps the private keys stored in {@code shop_auth}
 *        (from the environment, never from the repository)
 * @param wrappingRequired whether a missing wrapping key must fail the start (prod)
 * @param checkInterval how often the rotation task looks ahead and cleans up
 */
@ConfigurationProperties("shop.auth.login-key")
public record LoginKeyProperties(@DefaultValue("2048") int size, @DefaultValue("24h") Duration rotation,
        @DefaultValue("1h") Duration grace, String wrappingKey, @DefaultValue("false") boolean wrappingRequired,
        @DefaultValue("1m") Duration checkInterval) {

    public LoginKeyProperties {
        if (size < 2048) {
            throw new IllegalArgumentException("shop.auth.login-key.size must be at least 2048 bits");
        }
        if (rotation.toSeconds() < 60) {
            throw new IllegalArgumentException("shop.auth.login-key.rotation must be at least one minute");
        }
    }
}
