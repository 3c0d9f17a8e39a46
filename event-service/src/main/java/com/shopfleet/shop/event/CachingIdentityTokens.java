package com.shopfleet.shop.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import com.shopfleet.shop.support.identity.IdentityTokens;

/**
 * The fleet's {@link IdentityTokens}, remembering the tokens it verified until they expire: a stampede
 * presents the same token again and again (the gateway reuses a caller's token for a few seconds; a
 * load generator for its whole run), and checking it again (parse, HMAC, claims) was ~9 % of an
 * entry's CPU. A token is an immutable signed string, so a string verified once for this service's
 * audience stays verified until its {@code exp} (plus the clock skew), which is checked on every hit;
 * anything refused is never remembered. Bounded: past {@code maxEntries} it starts over. The expiry comes
 * with the verification ({@link Verified#expiresAt()}), so a token is parsed once, not twice, on a miss
 * (through the gateway many entries are misses: a user's token is reused for 5 s only).
 */
class CachingIdentityTokens extends IdentityTokens {

    private record Entry(String audience, Verified verified, Instant expires) {
    }

    private final Clock clock;
    private final Duration clockSkew;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    CachingIdentityTokens(byte[] key, Duration ttl, Duration clockSkew, Clock clock, int maxEntries) {
        super(key, ttl, clockSkew, clock);
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxEntries = maxEntries;
    }

    @Override
    public Verified verifyRequest(String token, String audience) {
        Entry entry = verified.get(token);
        if (entry != null && entry.audience().equals(audience)) {
            if (!clock.instant().minus(clockSkew).isAfter(entry.expires())) {
                return entry.verified();
            }
            verified.remove(token, entry);
        }
        Verified fresh = super.verifyRequest(token, audience);
        Instant expires = fresh.expiresAt();
        if (expires != null) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, new Entry(audience, fresh, expires));
        }
        return fresh;
    }
}
