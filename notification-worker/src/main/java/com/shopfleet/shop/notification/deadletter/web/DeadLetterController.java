package com.shopfleet.shop.notification.deadletter.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.MessageSource;
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
import com.shopfleet.shop.notification.deadletter.DeadLetter;
import com.shopfleet.shop.notification.deadletter.DeadLetterId;
import com.shopfleet.shop.notification.deadletter.DeadLetterTopic;
import com.shopfleet.shop.notification.deadletter.DeadLetters;
import com.shopfleet.shop.notification.deadletter.DeadLetters.StatusFilter;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Staff (MANAGER and above): the events the worker gave up on, and their replay. */
@RestController
@RequestMapping(path = "/api/admin/notifications/dead-letters", produces = "application/json")
@PreAuthorize("hasRole('MANAGER')")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final MessageSource messages;

    DeadLetterController(DeadLetters deadLetters, MessageSource messages) {
        this.deadLetters = deadLetters;
        this.messages = messages;
    }

    /**
     * Newest first; {@code topic} = {@code user}, {@code order} or {@code prize} (all when absent),
     * {@code status} = {@code ALL} (default), {@code PENDING} or {@code REPLAYED}.
     */
    @GetMapping
    ApiResponse<PageResponse<DeadLetterResponse>> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "ALL") StatusFilter status,
            @RequestParam(required = false) String type) {
        Set<DeadLetterTopic> topics = topic == null || topic.isBlank() ? EnumSet.allOf(DeadLetterTopic.class)
                : EnumSet.of(DeadLetterTopic.byAlias(topic.strip()).orElseThrow(
                        () -> ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("topic", "error.field.invalid"))));
        PageResponse<DeadLetter> found = deadLetters.list(topics, status, type == null || type.isBlank() ? null : type.strip(),
                page, size);
        return ApiResponse.ok(new PageResponse<>(found.content().stream().map(DeadLetterResponse::from).toList(),
                found.page(), null));
    }

    @GetMapping("/{id}")
    ApiResponse<DeadLetterResponse> get(@PathVariable String id) {
        return ApiResponse.ok(DeadLetterResponse.from(deadLetters.get(DeadLetterId.parse(id))));
    }

    /** 202: the event is back on its topic; the worker delivers what was not delivered yet. */
    @PostMapping("/{id}/replay")
    ResponseEntity<ApiResponse<DeadLetterResponse>> replay(@PathVariable String id,
            @AuthenticationPrincipal ShopIdentity me) {
        DeadLetter replayed = deadLetters.replay(DeadLetterId.parse(id), me.userId());
        String message = messages.getMessage("deadletter.replayed", null, LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(message, DeadLetterResponse.from(replayed)));
    }
}
