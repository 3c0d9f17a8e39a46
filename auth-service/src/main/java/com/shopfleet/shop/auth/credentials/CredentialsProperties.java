package com.shopfleet.shop.auth.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.credentials.*}: what makes a captured login body useless.
 *
 * @param maxClockSkew how far the payload's {@code timestamp} may be from now (CONTRACTS §2: 2 minutes)
 * @param nonceTtl how long a used nonce is remembered; longer than twice the skew, so a nonce cannot
 *        be forgotten while its timestamp is still acceptable
 */
@ConfigurationProperties("shop.auth.credentials")
public record CredentialsProperties(@DefaultValue("2m") Duration maxClockSkew, @DefaultValue("5m") Duration nonceTtl) {

    public CredentialsProperties {
        if (nonceTtl.compareTo(maxClockSkew.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("shop.auth.credentials.nonce-ttl must exceed twice max-clock-skew");
        }
    }
}
