package com.shopfleet.shop.auth.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps the login keys' private halves before they are stored: AES-256-GCM under the configured
 * wrapping key, the key id as additional data (a wrapped key cannot be moved to another row).
 */
final class KeyWrapping {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private KeyWrapping(SecretKey key) {
        this.key = key;
    }

    /** The configured wrapping, or none when no key is configured (and none is required). */
    static KeyWrapping from(LoginKeyProperties properties) {
        String encoded = properties.wrappingKey();
        if (encoded == null || encoded.isBlank()) {
            if (properties.wrappingRequired()) {
                throw new IllegalStateException("shop.auth.login-key.wrapping-key (SHOP_AUTH_LOGIN_KEY_WRAPPING_KEY) "
                        + "is required: set a base64 AES-256 key");
            }
            return new KeyWrapping(null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("shop.auth.login-key.wrapping-key is not base64", ex);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("shop.auth.login-key.wrapping-key must be 256 bits (32 bytes, base64)");
        }
        return new KeyWrapping(new SecretKeySpec(bytes, "AES"));
    }

    boolean enabled() {
        return key != null;
    }

    String wrap(String keyId, byte[] privateKey) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(privateKey);
            byte[] stored = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(stored);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot wrap login key " + keyId, ex);
        }
    }

    byte[] unwrap(String keyId, String stored) {
        if (key == null) {
            throw new IllegalStateException("Login key " + keyId
                    + " is stored wrapped, but shop.auth.login-key.wrapping-key is not set");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot unwrap login key " + keyId + ": another wrapping key?", ex);
        }
    }
}
