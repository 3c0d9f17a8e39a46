package com.shopfleet.shop.event.fcfs.web;

import java.time.Instant;

import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.EventStatus;

/** An event as visitors see it; {@code remaining} is live (Redis) and cheap to poll. */
record EventResponse(long id, String title, String description, long prizePoints, int quantity, long remaining,
        Instant opensAt, Instant closesAt, EventStatus status) {

    static EventResponse from(EventSnapshot event, long remaining, Instant now) {
        return new EventResponse(event.id(), event.title(), event.description(), event.prizePoints(),
                event.quantity(), remaining, event.opensAt(), event.endsAt(), event.status(now, remaining));
    }
}
