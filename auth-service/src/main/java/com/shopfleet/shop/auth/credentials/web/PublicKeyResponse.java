package com.shopfleet.shop.auth.credentials.web;

import java.time.Instant;

import com.shopfleet.shop.auth.credentials.LoginKey;

/** The login key for browsers (CONTRACTS §2): SPKI base64, to be used until {@code expiresAt}. */
record PublicKeyResponse(String keyId, String algorithm, String publicKey, Instant expiresAt) {

    static PublicKeyResponse from(LoginKey key) {
        return new PublicKeyResponse(key.id(), "RSA-OAEP-256", key.publicKeyBase64(), key.expiresAt());
    }
}
