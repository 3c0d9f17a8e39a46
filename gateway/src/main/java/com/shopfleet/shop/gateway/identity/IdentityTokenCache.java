package com.shopfleet.shop.gateway.identity;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Reuses a minted identity token for a few seconds while nothing about the caller changed: signing a
 * JWT (claims to JSON, HMAC) on every request of a busy session is wasted work when the same claims
 * were signed a moment ago. The key is the whole identity as read from the session <em>on this
 * request</em> (user, role, name, locale, client address, session id, authentication time) plus the
 * audience, so a role change (auth-service rewrites the session's role), a new client address or a
 * new session gets a new token at once, and a logout (session gone: no identity) never reaches the
 * cache. A reused token left the gateway at most {@code reuse} ago, so services receive it with at
 * least {@code ttl - reuse} of its validity left. The cache is bounded: past {@code maxEntries} it
 * starts over (a burst of new sessions costs a few extra signatures, never memory).
 */
final class IdentityTokenCache {

    private record Key(ShopIdentity identity, String audience) {
    }

    private record Minted(String token, long at) {
    }

    private final IdentityTokens tokens;
    private final long reuseNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Key, Minted> minted = new ConcurrentHashMap<>();

    IdentityTokenCache(IdentityTokens tokens, Duration reuse, int maxEntries, LongSupplier nanoTime) {
        this.tokens = tokens;
        this.reuseNanos = reuse.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The token for {@code identity} and {@code audience}: the one minted within {@code reuse}, or a new one. */
    String token(ShopIdentity identity, String audience) {
        if (reuseNanos <= 0) {
            return tokens.mint(identity, audience);
        }
        Key key = new Key(identity, audience);
        long now = nanoTime.getAsLong();
        Minted cached = minted.get(key);
        if (cached != null && now - cached.at() < reuseNanos) {
            return cached.token();
        }
        if (minted.size() >= maxEntries) {
            minted.clear();
        }
        String token = tokens.mint(identity, audience);
        minted.put(key, new Minted(token, now));
        return token;
    }
}
