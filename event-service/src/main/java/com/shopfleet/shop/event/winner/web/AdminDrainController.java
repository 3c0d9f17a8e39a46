package com.shopfleet.shop.event.winner.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.event.winner.WinnerDrain;

/**
 * The drain switch of this instance (ADMIN): pause the worker that moves winners from Redis into the
 * database, and resume it. For maintenance and for proving the {@code ShopEventWinnersUnpersisted}
 * alert (infra/prometheus/verify). Entries keep being decided while it is paused; winners wait, safe,
 * in the Redis stream and are stored on resume. Per instance: with several, each has its own drain.
 */
@RestController
@RequestMapping("/api/admin/events/drain")
@PreAuthorize("hasRole('ADMIN')")
class AdminDrainController {

    private final WinnerDrain drain;

    AdminDrainController(WinnerDrain drain) {
        this.drain = drain;
    }

    @GetMapping
    ApiResponse<DrainState> state() {
        return ApiResponse.ok(state(drain));
    }

    @PostMapping("/pause")
    ApiResponse<DrainState> pause() {
        drain.stop();
        return ApiResponse.ok(state(drain));
    }

    @PostMapping("/resume")
    ApiResponse<DrainState> resume() {
        drain.start();
        return ApiResponse.ok(state(drain));
    }

    private static DrainState state(WinnerDrain drain) {
        return new DrainState(drain.consumer(), drain.isRunning());
    }

    /** @param running false while paused (or disabled by {@code shop.event.drain.enabled}) */
    record DrainState(String consumer, boolean running) {
    }
}
