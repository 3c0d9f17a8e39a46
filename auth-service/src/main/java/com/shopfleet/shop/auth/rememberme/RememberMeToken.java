package com.shopfleet.shop.auth.rememberme;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A remember-me series: the series is public (it names the row), the token is a secret of which only
 * a SHA-256 is stored, and it changes on every use.
 */
@Entity
@Table(name = "remember_me_token")
class RememberMeToken {

    @Id
    private String series;

    private long userId;

    private String tokenHash;

    private String previousTokenHash;

    private Instant rotatedAt;

    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant expiresAt;

    private String userAgent;

    protected RememberMeToken() {
    }

    RememberMeToken(String series, long userId, String tokenHash, String userAgent, Instant now, Instant expiresAt) {
        this.series = series;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.userAgent = userAgent;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
    }

    String series() {
        return series;
    }

    long userId() {
        return userId;
    }

    String tokenHash() {
        return tokenHash;
    }

    String previousTokenHash() {
        return previousTokenHash;
    }

    Instant rotatedAt() {
        return rotatedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "RememberMeToken[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
