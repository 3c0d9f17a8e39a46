package com.shopfleet.shop.order.checkout.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;
import com.shopfleet.shop.order.checkout.Checkout;
import com.shopfleet.shop.order.checkout.PlacedOrder;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Checkout: 202 with the PENDING order; the saga goes on asynchronously (poll {@code GET /api/orders/{id}}). */
@RestController
class CheckoutController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Printable ASCII without spaces, e.g. a UUID. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final Checkout checkout;

    CheckoutController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiResponse<PlacedOrder>> place(@AuthenticationPrincipal ShopIdentity me,
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey, @Valid @RequestBody CheckoutRequest request) {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw Refusal.onField(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.messageKey(), IDEMPOTENCY_KEY,
                    "error.idempotencyKey.invalid");
        }
        if (request.hasDuplicateProducts()) {
            throw Refusal.onField(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.messageKey(), "items",
                    "error.checkout.duplicateItems");
        }
        PlacedOrder placed = checkout.place(me.userId(), idempotencyKey, request.toCommand());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/orders/" + placed.orderId()))
                .body(ApiResponse.ok(placed));
    }
}
