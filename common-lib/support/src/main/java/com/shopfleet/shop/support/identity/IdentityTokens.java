package com.shopfleet.shop.support.identity;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * Mints (gateway) and verifies (services) the internal identity token: an HS256 JWT with
 * {@code iss}, {@code aud} = the target service, a short {@code exp} and the identity claims of
 * CONTRACTS §3. Verification refuses a bad signature, another audience, an expired token and a
 * token without the required claims.
 */
public class IdentityTokens {

    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;
    private final Duration ttl;
    private final Duration clockSkew;
    private final Clock clock;

    public IdentityTokens(byte[] key, Duration ttl, Duration clockSkew, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The identity signing key must have at least 256 bits");
        }
        this.key = key.clone();
        this.ttl = ttl;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** Decodes a base64 or base64url key as configured. */
    public static byte[] decodeKey(String encoded) {
        String trimmed = encoded.trim();
        try {
            return Base64.getUrlDecoder().decode(trimmed.replace('+', '-').replace('/', '_').replace("=", ""));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("shop.identity.signing-key is not base64", ex);
        }
    }

    public static byte[] randomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String mint(ShopIdentity identity, String audience) {
        JWTClaimsSet.Builder claims = baseClaims(audience)
                .subject(Long.toString(identity.userId()))
                .claim(IdentityToken.CLAIM_ROLE, identity.role().name())
                .claim(IdentityToken.CLAIM_NAME, identity.name())
                .claim(IdentityToken.CLAIM_LOCALE, identity.locale().toLanguageTag())
                .claim(IdentityToken.CLAIM_CLIENT_IP, identity.clientIp())
                .claim(IdentityToken.CLAIM_SESSION_ID, identity.sessionId());
        if (identity.authTime() != null) {
            claims.claim(IdentityToken.CLAIM_AUTH_TIME, identity.authTime().getEpochSecond());
        }
        return sign(claims);
    }

    /**
     * A token for an anonymous request: no subject, only what the gateway decided about the
     * client (its address, its language), so services can rate-limit and audit by client IP.
     */
    public String mintAnonymous(String clientIp, Locale locale, String audience) {
        return sign(baseClaims(audience)
                .claim(IdentityToken.CLAIM_CLIENT_IP, clientIp)
                .claim(IdentityToken.CLAIM_LOCALE, locale == null ? null : locale.toLanguageTag()));
    }

    private JWTClaimsSet.Builder baseClaims(String audience) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(IdentityToken.ISSUER)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign the identity token", ex);
        }
    }

    /**
     * The identity in {@code token} if it is genuine, meant for {@code audience}, not expired and
     * not anonymous.
     *
     * @throws InvalidIdentityTokenException otherwise (the reason is for the log, not the client)
     */
    public ShopIdentity verify(String token, String audience) {
        Verified verified = verifyRequest(token, audience);
        if (verified.identity() == null) {
            throw new InvalidIdentityTokenException("anonymous token");
        }
        return verified.identity();
    }

    /**
     * What a genuine, unexpired token for {@code audience} says: the identity (null for an
     * anonymous request) and the client's address.
     *
     * @throws InvalidIdentityTokenException otherwise (the reason is for the log, not the client)
     */
    public Verified verifyRequest(String token, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidIdentityTokenException("unexpected algorithm " + jwt.getHeader().getAlgorithm());
            }
            JWSVerifier verifier = new MACVerifier(key);
            if (!jwt.verify(verifier)) {
                throw new InvalidIdentityTokenException("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!IdentityToken.ISSUER.equals(claims.getIssuer())) {
                throw new InvalidIdentityTokenException("unexpected issuer");
            }
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(audience)) {
                throw new InvalidIdentityTokenException("not for audience " + audience);
            }
            Date expires = claims.getExpirationTime();
            if (expires == null || clock.instant().minus(clockSkew).isAfter(expires.toInstant())) {
                throw new InvalidIdentityTokenException("expired");
            }
            String clientIp = claims.getStringClaim(IdentityToken.CLAIM_CLIENT_IP);
            if (claims.getSubject() == null) {
                return new Verified(null, clientIp, expires.toInstant());
            }
            Long authTime = claims.getLongClaim(IdentityToken.CLAIM_AUTH_TIME);
            String locale = claims.getStringClaim(IdentityToken.CLAIM_LOCALE);
            return new Verified(new ShopIdentity(Long.parseLong(claims.getSubject()),
                    Role.valueOf(claims.getStringClaim(IdentityToken.CLAIM_ROLE)),
                    claims.getStringClaim(IdentityToken.CLAIM_NAME),
                    locale == null ? null : Locale.forLanguageTag(locale),
                    clientIp,
                    claims.getStringClaim(IdentityToken.CLAIM_SESSION_ID),
                    authTime == null ? null : Instant.ofEpochSecond(authTime)), clientIp, expires.toInstant());
        }
        catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException ex) {
            throw new InvalidIdentityTokenException("malformed: " + ex.getMessage());
        }
    }

    /**
     * A verified token: the caller's identity ({@code null} when anonymous) and address, and when the
     * token expires (its {@code exp}; {@code null} when not known), so a caller that remembers verified
     * tokens need not parse one again.
     */
    public record Verified(ShopIdentity identity, String clientIp, Instant expiresAt) {

        public Verified(ShopIdentity identity, String clientIp) {
            this(identity, clientIp, null);
        }
    }

    /** Why a token was refused; never shown to the client. */
    public static class InvalidIdentityTokenException extends RuntimeException {

        public InvalidIdentityTokenException(String reason) {
            super(reason);
        }
    }
}
