package com.shopfleet.shop.support.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** Endpoints that fail in every way a client can make them fail; the same on both web stacks. */
@RestController
public class ErrorProbeController {

    public record Thing(@NotBlank String name, @Min(1) int quantity) {
    }

    @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Thing> create(@Valid @RequestBody Thing thing) {
        return ApiResponse.ok(thing);
    }

    @GetMapping(path = "/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Long> one(@PathVariable long id) {
        return ApiResponse.ok(id);
    }

    @GetMapping("/search")
    ApiResponse<Integer> search(@RequestParam int page) {
        return ApiResponse.ok(page);
    }

    @GetMapping("/out-of-stock")
    ApiResponse<Void> outOfStock() {
        throw ShopException.withFields(ErrorCode.OUT_OF_STOCK, Map.of("quantity", "error.field.invalid"));
    }

    @GetMapping("/limited")
    ApiResponse<Void> limited() {
        throw ShopException.withHeaders(ErrorCode.RATE_LIMITED, Map.of("Retry-After", "42"));
    }

    @GetMapping("/duplicate")
    ApiResponse<Void> duplicate() {
        throw new DataIntegrityViolationException("Duplicate entry 'a@b.c' for key 'uk_users_email'");
    }

    @GetMapping("/stale")
    ApiResponse<Void> stale() {
        throw new OptimisticLockingFailureException("Row was updated by another transaction");
    }

    @GetMapping("/boom")
    ApiResponse<Void> boom() {
        throw new IllegalStateException("secret internals: jdbc:mysql://db/shop password=hunter2");
    }
}
