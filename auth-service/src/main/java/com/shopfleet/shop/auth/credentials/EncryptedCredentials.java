package com.shopfleet.shop.auth.credentials;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.auth.credentials.CredentialsRefusal.Reason;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Opens the {@code credentials} a browser sent (CONTRACTS §2): a JWE compact string, header
 * {@code RSA-OAEP-256} + {@code A256GCM} with the {@code kid} of a login key, payload
 * {@code {email, password, nonce, timestamp}}. Refuses anything else — not a JWE, another algorithm,
 * compression, an unknown or expired key, a timestamp more than the allowed skew away, a nonce seen
 * before — before any password is looked at.
 */
@Component
public class EncryptedCredentials {

    /** Far more than an email of 254 and a password of 64 characters need. */
    private static final int MAX_LENGTH = 4096;

    private final LoginKeys keys;
    private final NonceRegistry nonces;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    EncryptedCredentials(LoginKeys keys, NonceRegistry nonces, CredentialsProperties properties, Clock clock) {
        this.keys = keys;
        this.nonces = nonces;
        this.maxClockSkew = properties.maxClockSkew();
        this.clock = clock;
    }

    /**
     * The credentials in {@code compact}, sent in the request field {@code field}; their nonce is
     * used up.
     *
     * @throws CredentialsRefusal for the contract's refusals
     * @throws ShopException {@code VALIDATION_FAILED} for a payload without the required members
     */
    public Credentials open(String field, String compact) {
        if (compact == null || compact.isBlank() || compact.length() > MAX_LENGTH) {
            throw new CredentialsRefusal(Reason.CREDENTIALS_NOT_ENCRYPTED, field);
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compact.trim());
        }
        catch (ParseException | RuntimeException ex) {
            throw new CredentialsRefusal(Reason.CREDENTIALS_NOT_ENCRYPTED, field);
        }
        JWEHeader header = jwe.getHeader();
        if (!JWEAlgorithm.RSA_OAEP_256.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                || header.getCompressionAlgorithm() != null) {
            throw new CredentialsRefusal(Reason.CREDENTIALS_NOT_ENCRYPTED, field);
        }
        LoginKey key = keys.acceptable(header.getKeyID())
                .orElseThrow(() -> new CredentialsRefusal(Reason.LOGIN_KEY_EXPIRED, field));
        try {
            jwe.decrypt(new RSADecrypter(key.privateKey()));
        }
        catch (JOSEException | RuntimeException ex) {
            throw new CredentialsRefusal(Reason.CREDENTIALS_NOT_ENCRYPTED, field);
        }
        JsonNode payload;
        try {
            payload = json.readTree(jwe.getPayload().toString());
        }
        catch (JacksonException ex) {
            throw incomplete(field);
        }
        String email = text(payload, "email");
        String password = text(payload, "password");
        String nonce = text(payload, "nonce");
        JsonNode timestamp = payload == null ? null : payload.get("timestamp");
        if (email == null || password == null || nonce == null || timestamp == null || !timestamp.canConvertToLong()
                || !isUuid(nonce)) {
            throw incomplete(field);
        }
        Instant sentAt = Instant.ofEpochMilli(timestamp.asLong());
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(maxClockSkew) > 0) {
            throw new CredentialsRefusal(Reason.LOGIN_STALE, field);
        }
        if (!nonces.claim(nonce.toLowerCase())) {
            throw new CredentialsRefusal(Reason.LOGIN_REPLAYED, field);
        }
        return new Credentials(email, password);
    }

    private static ShopException incomplete(String field) {
        return ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of(field, "error.auth.credentials.incomplete"));
    }

    private static String text(JsonNode payload, String name) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        JsonNode node = payload.get(name);
        return node != null && node.isString() ? node.asString() : null;
    }

    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
