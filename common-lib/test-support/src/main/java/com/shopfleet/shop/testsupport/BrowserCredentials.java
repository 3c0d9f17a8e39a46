package com.shopfleet.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.util.Base64URL;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the login {@code credentials} exactly as a browser does with plain WebCrypto (CONTRACTS §2,
 * auth-service's README): a JWE compact string with the protected header
 * {@code {"alg":"RSA-OAEP-256","enc":"A256GCM","kid":…}} and the payload
 * {@code {"email","password","nonce","timestamp"}}.
 * <p>
 * The steps are the browser's, done with plain JCA rather than a JOSE library, so a test that logs in
 * with these proves that browser-made credentials decrypt: a random 256-bit content key, wrapped with
 * RSA-OAEP using SHA-256 for the digest <em>and</em> MGF1 (WebCrypto's {@code {name: "RSA-OAEP", hash:
 * "SHA-256"}}; Java's {@code OAEPWithSHA-256AndMGF1Padding} would use SHA-1 for MGF1, STACK trap 9),
 * a 96-bit IV, AES-GCM with a 128-bit tag over the payload and the ASCII of the encoded header as
 * additional data.
 */
public final class BrowserCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserCredentials() {
    }

    /** Credentials for {@code email}/{@code password} with a fresh nonce and the current time. */
    public static String encrypt(String keyId, String publicKeyBase64, String email, String password) {
        return encrypt(keyId, publicKeyBase64, Payload.of(email, password));
    }

    public static String encrypt(String keyId, String publicKeyBase64, Payload payload) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", payload.email());
        json.put("password", payload.password());
        json.put("nonce", payload.nonce());
        json.put("timestamp", payload.timestamp());
        return encryptRaw(keyId, publicKeyBase64, JSON.writeValueAsString(json));
    }

    /** Any text as the encrypted payload, e.g. to prove that an incomplete or non-JSON payload is refused. */
    public static String encryptRaw(String keyId, String publicKeyBase64, String payloadJson) {
        return encryptRaw(keyId, publicKey(publicKeyBase64), payloadJson);
    }

    public static String encryptRaw(String keyId, PublicKey publicKey, String payloadJson) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "RSA-OAEP-256");
            header.put("enc", "A256GCM");
            header.put("kid", keyId);
            String protectedHeader = Base64URL.encode(JSON.writeValueAsString(header)).toString();

            byte[] contentKey = new byte[32];
            RANDOM.nextBytes(contentKey);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            byte[] encryptedKey = rsa.doFinal(contentKey);

            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
            aes.updateAAD(protectedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = aes.doFinal(payloadJson.getBytes(StandardCharsets.UTF_8));
            byte[] cipherText = Arrays.copyOfRange(sealed, 0, sealed.length - 16);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);

            return String.join(".", protectedHeader, Base64URL.encode(encryptedKey).toString(),
                    Base64URL.encode(iv).toString(), Base64URL.encode(cipherText).toString(),
                    Base64URL.encode(tag).toString());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot encrypt the credentials", ex);
        }
    }

    /** The SPKI public key as {@code GET /api/auth/public-key} gives it (standard base64). */
    public static PublicKey publicKey(String publicKeyBase64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an RSA public key in SPKI form", ex);
        }
    }

    /**
     * What the browser encrypts. {@code timestamp} is epoch milliseconds; {@code nonce} a UUID used
     * once.
     */
    public record Payload(String email, String password, String nonce, long timestamp) {

        public static Payload of(String email, String password) {
            return new Payload(email, password, UUID.randomUUID().toString(), System.currentTimeMillis());
        }

        public Payload at(Instant time) {
            return new Payload(email, password, nonce, time.toEpochMilli());
        }

        public Payload withNonce(String otherNonce) {
            return new Payload(email, password, otherNonce, timestamp);
        }

        @Override
        public String toString() {
            return "Payload[email=" + email + ", password=(hidden), nonce=" + nonce + ", timestamp=" + timestamp + "]";
        }
    }
}
