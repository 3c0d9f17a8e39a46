package com.shopfleet.shop.catalog.inbox.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.inbox.DeadLetter;
import com.shopfleet.shop.catalog.inbox.DeadLetters;
import com.shopfleet.shop.contracts.web.ApiResponse;

/**
 * Staff (MANAGER and up) see the events the catalog's consumers gave up on — a stock reservation among
 * them is never silently lost. Read-only: replay belongs to the operations issue.
 */
@RestController
@PreAuthorize("hasRole('MANAGER')")
@Validated
class AdminDeadLetterController {

    private final DeadLetters deadLetters;

    AdminDeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/catalog/dead-letters")
    ApiResponse<List<DeadLetter>> newest(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return ApiResponse.ok(deadLetters.newest(limit));
    }
}
