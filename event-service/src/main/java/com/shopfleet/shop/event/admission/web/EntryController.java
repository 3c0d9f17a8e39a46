package com.shopfleet.shop.event.admission.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.event.admission.Admission;
import com.shopfleet.shop.event.admission.EntryOutcome;
import com.shopfleet.shop.event.fcfs.FcfsEvents;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.error.TraceIds;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Entering an event (any signed-in user, once) and asking for one's result. The gateway limits
 * entries per user.
 * <p>
 * Refusals are most of a stampede's answers, so they are not thrown: the controller returns the
 * fleet's error envelope itself, made by the same {@link ErrorTranslator} the exception mapping
 * uses (same codes, bundle texts and trace id), which spares the exception-resolver round trip.
 */
@RestController
@RequestMapping("/api/events/{eventId}/entries")
class EntryController {

    private static final ShopException SOLD_OUT = new EntryRefused(ErrorCode.SOLD_OUT, null);
    private static final ShopException NOT_OPEN = new EntryRefused(ErrorCode.EVENT_NOT_OPEN, null);
    private static final ShopException CLOSED = new EntryRefused(ErrorCode.EVENT_CLOSED, null);
    private static final ShopException UNAVAILABLE = new EntryRefused(ErrorCode.SERVICE_UNAVAILABLE, null);

    private final Admission admission;
    private final FcfsEvents events;
    private final ErrorTranslator errors;

    EntryController(Admission admission, FcfsEvents events, ErrorTranslator errors) {
        this.admission = admission;
        this.events = events;
        this.errors = errors;
    }

    /**
     * 201 {@code WON} with the rank; 409 {@code ALREADY_ENTERED} (also after sell-out, with the rank
     * in {@code data}); 410 {@code SOLD_OUT}; 422 {@code EVENT_NOT_OPEN}; 410 {@code EVENT_CLOSED}.
     */
    @PostMapping
    ResponseEntity<ApiResponse<?>> enter(@PathVariable long eventId, @AuthenticationPrincipal ShopIdentity me,
            HttpServletRequest request) {
        EntryOutcome outcome = admission.enter(eventId, me.userId());
        return switch (outcome.result()) {
            case WON -> ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(EntryResponse.won(eventId,
                    outcome.rank())));
            case ALREADY_ENTERED -> refuse(new EntryRefused(ErrorCode.ALREADY_ENTERED,
                    outcome.rank() > 0 ? EntryResponse.won(eventId, outcome.rank()) : null), request);
            case SOLD_OUT -> refuse(SOLD_OUT, request);
            case NOT_OPEN -> refuse(NOT_OPEN, request);
            case CLOSED -> refuse(CLOSED, request);
            case NOT_LOADED -> refuse(UNAVAILABLE, request);
        };
    }

    @GetMapping("/me")
    ApiResponse<EntryResponse> mine(@PathVariable long eventId, @AuthenticationPrincipal ShopIdentity me) {
        events.require(eventId);
        return ApiResponse.ok(admission.rankOf(eventId, me.userId())
                .stream()
                .mapToObj(rank -> EntryResponse.won(eventId, rank))
                .findFirst()
                .orElseGet(() -> EntryResponse.noPrize(eventId)));
    }

    private ResponseEntity<ApiResponse<?>> refuse(ShopException refusal, HttpServletRequest request) {
        Object traceId = request.getAttribute(TraceIds.ATTRIBUTE);
        ApiError error = errors.translate(refusal, LocaleContextHolder.getLocale(),
                traceId != null ? traceId.toString() : TraceIds.random());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }
}
