package com.shopfleet.shop.gateway.ratelimit;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** 429 {@code RATE_LIMITED}, telling when to retry, in the message and in {@code Retry-After}. */
class RateLimitedException extends ShopException {

    static final String MESSAGE_KEY = "gateway.rate-limited";

    RateLimitedException(long retryAfterSeconds, Map<String, String> headers) {
        super(ErrorCode.RATE_LIMITED, MESSAGE_KEY, new Object[] { retryAfterSeconds }, Map.of(), null, headers);
    }
}
