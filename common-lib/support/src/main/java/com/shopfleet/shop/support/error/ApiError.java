package com.shopfleet.shop.support.error;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ApiResponse;

/** A translated error: the status, the envelope to write, and extra headers (e.g. Retry-After, Allow). */
public record ApiError(int status, ApiResponse<?> body, Map<String, String> headers) {
}
