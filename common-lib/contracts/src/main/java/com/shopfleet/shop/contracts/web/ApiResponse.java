package com.shopfleet.shop.contracts.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The envelope of every JSON response of the fleet (ARCHITECTURE §4), success or error.
 *
 * @param <T> the type of {@code data}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"success", "message", "data", "errorDetails", "timestamp"})
public record ApiResponse<T>(boolean success, String message, T data, ErrorDetails errorDetails, Instant timestamp) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, null, data, null, Instant.now());
    }

    public static <T> ApiResponse<T> ok(String message, T data) {
        return new ApiResponse<>(true, message, data, null, Instant.now());
    }

    public static <T> ApiResponse<T> error(String message, ErrorDetails details) {
        return error(message, null, details);
    }

    /** An error that also carries data, e.g. the new price breakdown of {@code PRICE_CHANGED}. */
    public static <T> ApiResponse<T> error(String message, T data, ErrorDetails details) {
        return new ApiResponse<>(false, message, data, details, Instant.now());
    }
}
