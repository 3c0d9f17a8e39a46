package com.shopfleet.shop.order;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A refusal with this service's own message (from {@code messages*.properties}) and, where it helps
 * the client, the offending field and data to recover with.
 */
public class Refusal extends ShopException {

    private Refusal(ErrorCode code, String messageKey, Object[] args, Map<String, String> fields, Object data) {
        super(code, messageKey, args, fields, data, Map.of());
    }

    public static Refusal of(ErrorCode code, String messageKey, Object... args) {
        return new Refusal(code, messageKey, args, Map.of(), null);
    }

    /** A refusal naming one field; {@code reasonKey} is resolved from the bundles like the message. */
    public static Refusal onField(ErrorCode code, String messageKey, String field, String reasonKey, Object... args) {
        return new Refusal(code, messageKey, args, Map.of(field, reasonKey), null);
    }

    public static Refusal withData(ErrorCode code, String messageKey, Object data) {
        return new Refusal(code, messageKey, null, Map.of(), data);
    }

    /** A 404 that tells nothing about whether the thing exists for someone else. */
    public static Refusal notFound(String messageKey) {
        return new Refusal(ErrorCode.NOT_FOUND, messageKey, null, Map.of(), null);
    }
}
