package com.shopfleet.shop.event.fcfs.web;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEvents;

/** Anyone may look at open and upcoming events (public paths in application.yml). */
@RestController
@RequestMapping("/api/events")
class PublicEventController {

    private final FcfsEvents events;

    PublicEventController(FcfsEvents events) {
        this.events = events;
    }

    @GetMapping
    ApiResponse<PageResponse<EventResponse>> openAndUpcoming(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Instant now = events.now();
        Page<EventSnapshot> found = events.openOrUpcoming(PageRequest.of(page, size));
        return ApiResponse.ok(PageResponse.of(
                found.map(event -> EventResponse.from(event, events.remaining(event), now)).getContent(), size, page,
                found.getTotalElements()));
    }

    @GetMapping("/{id}")
    ApiResponse<EventResponse> get(@PathVariable long id) {
        EventSnapshot event = events.require(id);
        return ApiResponse.ok(EventResponse.from(event, events.remaining(event), events.now()));
    }
}
