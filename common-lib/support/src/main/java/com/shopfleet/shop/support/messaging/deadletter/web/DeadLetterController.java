package com.shopfleet.shop.support.messaging.deadletter.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ErrorMessages;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetter;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterId;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterSource;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetters;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetters.ReplayAll;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetters.StatusFilter;

/**
 * Staff (MANAGER and above): the events this service's consumer groups gave up on, and their replay,
 * at {@code shop.dead-letters.path} ({@code /api/admin/<service>/dead-letters}).
 */
@RestController
@RequestMapping(path = "${shop.dead-letters.path}", produces = "application/json")
@PreAuthorize("hasRole('MANAGER')")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ErrorMessages messages;

    public DeadLetterController(DeadLetters deadLetters, ErrorMessages messages) {
        this.deadLetters = deadLetters;
        this.messages = messages;
    }

    /**
     * Newest first; {@code topic} = a binding's alias (e.g. {@code order} for {@code shop.order.order};
     * all when absent), {@code status} = {@code ALL} (default), {@code PENDING} or {@code REPLAYED},
     * {@code type} = an event type.
     */
    @GetMapping
    public ApiResponse<PageResponse<DeadLetterResponse>> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "ALL") StatusFilter status,
            @RequestParam(required = false) String type) {
        PageResponse<DeadLetter> found = deadLetters.list(sources(topic), status, blankToNull(type), page, size);
        return ApiResponse.ok(new PageResponse<>(found.content().stream().map(DeadLetterResponse::from).toList(),
                found.page(), null));
    }

    @GetMapping("/{id}")
    public ApiResponse<DeadLetterResponse> get(@PathVariable String id) {
        return ApiResponse.ok(DeadLetterResponse.from(deadLetters.get(DeadLetterId.parse(id, deadLetters.sources()))));
    }

    /** 202: the event is back on its topic; the group handles what it had not handled yet. */
    @PostMapping("/{id}/replay")
    public ResponseEntity<ApiResponse<DeadLetterResponse>> replay(@PathVariable String id,
            @AuthenticationPrincipal ShopIdentity me) {
        DeadLetter replayed = deadLetters.replay(DeadLetterId.parse(id, deadLetters.sources()), me.userId());
        String message = messages.message("deadletter.replayed", null, LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(message, DeadLetterResponse.from(replayed)));
    }

    /** 202: every pending dead letter (of a binding and an event type, when given) back on its topic. */
    @PostMapping("/replay")
    public ResponseEntity<ApiResponse<ReplayAll>> replayAll(@RequestParam(required = false) String topic,
            @RequestParam(required = false) String type, @AuthenticationPrincipal ShopIdentity me) {
        ReplayAll result = deadLetters.replayAll(sources(topic), blankToNull(type), me.userId());
        String message = messages.message("deadletter.replayed-all",
                new Object[] { result.replayed(), result.skipped(), result.remaining() }, LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(message, result));
    }

    private List<DeadLetterSource> sources(String topic) {
        if (topic == null || topic.isBlank()) {
            return deadLetters.sources().all();
        }
        return List.of(deadLetters.sources().byAlias(topic.strip()).orElseThrow(
                () -> ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("topic", "error.field.invalid"))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
