package com.shopfleet.shop.contracts.web;

/**
 * The error codes every part of the fleet shares (CONTRACTS §4). The HTTP status always tells the
 * outcome; the code tells the client which one. Message texts live in the message bundles under the
 * key {@code error.<CODE>}, never here.
 */
public enum ErrorCode {

    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    LOGIN_KEY_EXPIRED(400),
    LOGIN_REPLAYED(400),
    LOGIN_STALE(400),
    CREDENTIALS_NOT_ENCRYPTED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    CSRF_REJECTED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    IDEMPOTENCY_IN_PROGRESS(409),
    PRICE_CHANGED(409),
    ALREADY_ENTERED(409),
    SOLD_OUT(410),
    EVENT_CLOSED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    OUT_OF_STOCK(422),
    EVENT_NOT_OPEN(422),
    BUSINESS_RULE_VIOLATED(422),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The bundle key of this code's default message. */
    public String messageKey() {
        return "error." + name();
    }

    /** The generic code for a status that no more specific code claimed. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> BUSINESS_RULE_VIOLATED;
            case 429 -> RATE_LIMITED;
            case 502, 503, 504 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
