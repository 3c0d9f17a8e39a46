package com.shopfleet.shop.event.fcfs.web;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.shopfleet.shop.event.fcfs.EventTerms;

/** Staff's terms of an event; times are ISO-8601 with any offset (stored in UTC). */
record EventRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(100_000_000) Long prizePoints,
        @NotNull @Min(1) @Max(EventTerms.MAX_QUANTITY) Integer quantity,
        @NotNull OffsetDateTime opensAt,
        @NotNull OffsetDateTime closesAt) {

    EventTerms terms() {
        return new EventTerms(title.strip(), description == null ? "" : description.strip(), prizePoints, quantity,
                opensAt.toInstant(), closesAt.toInstant());
    }
}
