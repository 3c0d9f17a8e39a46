package com.shopfleet.shop.event.winner.web;

import java.time.Instant;

import com.shopfleet.shop.event.winner.Winner;

record WinnerResponse(int rank, long userId, Instant wonAt, Instant storedAt) {

    static WinnerResponse from(Winner winner) {
        return new WinnerResponse(winner.rank(), winner.userId(), winner.wonAt(), winner.persistedAt());
    }
}
