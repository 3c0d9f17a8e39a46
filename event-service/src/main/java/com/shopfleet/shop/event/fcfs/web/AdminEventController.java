package com.shopfleet.shop.event.fcfs.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEvents;

/** Staff manage events: create, change until opening, close early. */
@RestController
@RequestMapping("/api/admin/events")
@PreAuthorize("hasRole('MANAGER')")
class AdminEventController {

    private final FcfsEvents events;

    AdminEventController(FcfsEvents events) {
        this.events = events;
    }

    @PostMapping
    ResponseEntity<ApiResponse<AdminEventResponse>> create(@Valid @RequestBody EventRequest request) {
        EventSnapshot created = events.create(request.terms());
        return ResponseEntity.created(URI.create("/api/admin/events/" + created.id())).body(ApiResponse.ok(view(created)));
    }

    @PutMapping("/{id}")
    ApiResponse<AdminEventResponse> reschedule(@PathVariable long id, @Valid @RequestBody EventRequest request) {
        return ApiResponse.ok(view(events.reschedule(id, request.terms())));
    }

    @PostMapping("/{id}/close")
    ApiResponse<AdminEventResponse> close(@PathVariable long id) {
        return ApiResponse.ok(view(events.close(id)));
    }

    @GetMapping("/{id}")
    ApiResponse<AdminEventResponse> get(@PathVariable long id) {
        return ApiResponse.ok(view(events.get(id)));
    }

    @GetMapping
    ApiResponse<PageResponse<AdminEventResponse>> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<EventSnapshot> found = events.all(PageRequest.of(page, size));
        return ApiResponse.ok(PageResponse.of(found.map(this::view).getContent(), size, page, found.getTotalElements()));
    }

    private AdminEventResponse view(EventSnapshot event) {
        return AdminEventResponse.from(event, events.remaining(event), events.now());
    }
}
