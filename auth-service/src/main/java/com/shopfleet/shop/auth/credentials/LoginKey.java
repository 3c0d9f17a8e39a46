package com.shopfleet.shop.auth.credentials;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/** One RSA-OAEP-256 login key pair: current from {@code notBefore} to {@code expiresAt}. */
public record LoginKey(String id, Instant notBefore, Instant expiresAt, PublicKey publicKey, PrivateKey privateKey) {

    /** The public key as SPKI, standard base64 (what WebCrypto's {@code importKey("spki", …)} takes). */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "LoginKey[id=" + id + ", notBefore=" + notBefore + ", expiresAt=" + expiresAt + "]";
    }
}
