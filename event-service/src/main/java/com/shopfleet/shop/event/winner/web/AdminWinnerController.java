package com.shopfleet.shop.event.winner.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.event.fcfs.EventSnapshot;
import com.shopfleet.shop.event.fcfs.FcfsEvents;
import com.shopfleet.shop.event.winner.Reconciliation;
import com.shopfleet.shop.event.winner.WinnerQueries;

/** Staff read an event's stored winners (paged JSON, or all as CSV) and its reconciliation. */
@RestController
@RequestMapping("/api/admin/events/{eventId}")
@PreAuthorize("hasRole('MANAGER')")
class AdminWinnerController {

    static final String CSV = "text/csv";

    private final FcfsEvents events;
    private final WinnerQueries winners;
    private final Reconciliation reconciliation;

    AdminWinnerController(FcfsEvents events, WinnerQueries winners, Reconciliation reconciliation) {
        this.events = events;
        this.winners = winners;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/winners")
    ApiResponse<PageResponse<WinnerResponse>> winners(@PathVariable long eventId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        events.get(eventId);
        return ApiResponse.ok(PageResponse.of(
                winners.page(eventId, page, size).stream().map(WinnerResponse::from).toList(), size, page,
                winners.count(eventId)));
    }

    /** Every stored winner in rank order: {@code Accept: text/csv} or {@code ?format=csv}. */
    @GetMapping(path = "/winners", produces = CSV)
    void winnersCsv(@PathVariable long eventId, HttpServletResponse response) throws IOException {
        csv(eventId, response);
    }

    @GetMapping(path = "/winners", params = "format=csv")
    void winnersCsvByParameter(@PathVariable long eventId, HttpServletResponse response) throws IOException {
        csv(eventId, response);
    }

    @GetMapping("/reconciliation")
    ApiResponse<Reconciliation.Report> reconciliation(@PathVariable long eventId) {
        return ApiResponse.ok(reconciliation.of(events.get(eventId)));
    }

    private void csv(long eventId, HttpServletResponse response) throws IOException {
        EventSnapshot event = events.get(eventId);
        response.setContentType(CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"event-" + event.id() + "-winners.csv\"");
        PrintWriter out = response.getWriter();
        out.write("rank,userId,wonAt,storedAt\n");
        int[] lines = { 0 };
        winners.forEach(eventId, winner -> {
            out.write(winner.rank() + "," + winner.userId() + "," + winner.wonAt() + "," + winner.persistedAt() + "\n");
            if (++lines[0] % 1000 == 0 && out.checkError()) {
                throw new UncheckedIOException(new IOException("client went away during the CSV export"));
            }
        });
        out.flush();
    }
}
