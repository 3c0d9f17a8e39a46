package com.shopfleet.shop.support.error;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;

/**
 * A refusal the client should see as a 4xx/5xx envelope. The message is resolved from the bundles
 * by {@link #messageKey()} (default {@code error.<CODE>}) in the request's locale; {@link #fields()}
 * name offending inputs, {@link #data()} may carry something the client needs to recover (e.g. a new
 * price breakdown), {@link #headers()} extra response headers (e.g. {@code Retry-After}).
 */
public class ShopException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient Object[] messageArgs;
    private final Map<String, String> fields;
    private final transient Object data;
    private final Map<String, String> headers;

    public ShopException(ErrorCode code) {
        this(code, code.messageKey());
    }

    public ShopException(ErrorCode code, String messageKey, Object... messageArgs) {
        this(code, messageKey, messageArgs, Map.of(), null, Map.of());
    }

    protected ShopException(ErrorCode code, String messageKey, Object[] messageArgs, Map<String, String> fields,
            Object data, Map<String, String> headers) {
        super(code.name() + " (" + messageKey + ")");
        this.code = code;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs == null ? new Object[0] : messageArgs.clone();
        this.fields = Map.copyOf(fields);
        this.data = data;
        this.headers = Map.copyOf(headers);
    }

    /** A refusal naming the offending field(s), their reasons already localized or bundle keys. */
    public static ShopException withFields(ErrorCode code, Map<String, String> fields) {
        return new ShopException(code, code.messageKey(), null, fields, null, Map.of());
    }

    /** A refusal carrying data the client needs to recover. */
    public static ShopException withData(ErrorCode code, Object data) {
        return new ShopException(code, code.messageKey(), null, Map.of(), data, Map.of());
    }

    /** A refusal with extra response headers, e.g. {@code Retry-After}. */
    public static ShopException withHeaders(ErrorCode code, Map<String, String> headers) {
        return new ShopException(code, code.messageKey(), null, Map.of(), null, headers);
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Object data() {
        return data;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
