package com.shopfleet.shop.event.fcfs.web;

import java.time.Instant;

import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.EventStatus;

/** An event as staff see it: also when it was closed early and whether it can still be changed. */
record AdminEventResponse(long id, String title, String description, long prizePoints, int quantity,
        long remaining, Instant opensAt, Instant closesAt, Instant closedAt, EventStatus status, boolean editable,
        Instant createdAt, Instant updatedAt) {

    static AdminEventResponse from(EventSnapshot event, long remaining, Instant now) {
        return new AdminEventResponse(event.id(), event.title(), event.description(), event.prizePoints(),
                event.quantity(), remaining, event.opensAt(), event.closesAt(), event.closedAt(),
                event.status(now, remaining), event.editable(now), event.createdAt(), event.updatedAt());
    }
}
