package com.shopfleet.shop.auth.credentials;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A refusal of encrypted credentials (CONTRACTS §2), a 400 whose code tells the client what to do:
 * {@code LOGIN_KEY_EXPIRED} (fetch a new key and retry), {@code LOGIN_REPLAYED},
 * {@code LOGIN_STALE} (check the device clock) or {@code CREDENTIALS_NOT_ENCRYPTED}; the offending
 * field is named.
 */
public class CredentialsRefusal extends ShopException {

    public enum Reason {
        LOGIN_KEY_EXPIRED, LOGIN_REPLAYED, LOGIN_STALE, CREDENTIALS_NOT_ENCRYPTED
    }

    private final Reason reason;

    public CredentialsRefusal(Reason reason, String field) {
        super(ErrorCode.valueOf(reason.name()), "error." + reason.name(), null, Map.of(field, "error." + reason.name()),
                null, Map.of());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
