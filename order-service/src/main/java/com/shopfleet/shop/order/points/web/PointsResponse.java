package com.shopfleet.shop.order.points.web;

import java.time.Instant;

import org.springframework.data.domain.Page;

import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.order.points.PointBalance;
import com.shopfleet.shop.order.points.PointEntry;
import com.shopfleet.shop.order.points.PointEntryType;

/** {@code GET /api/points}: the balance and a page of the history, newest first. */
record PointsResponse(long balance, long held, PageResponse<Entry> history) {

    static PointsResponse from(PointBalance balance, Page<PointEntry> history) {
        return new PointsResponse(balance.balance(), balance.held(), PageResponse.of(
                history.getContent().stream().map(Entry::from).toList(), history.getSize(), history.getNumber(),
                history.getTotalElements()));
    }

    record Entry(long id, PointEntryType type, long amount, long heldChange, long balanceAfter, Long orderId,
            String description, Instant createdAt) {

        static Entry from(PointEntry entry) {
            return new Entry(entry.id(), entry.type(), entry.amount(), entry.heldChange(), entry.balanceAfter(),
                    entry.orderId(), entry.description(), entry.createdAt());
        }
    }
}
