package com.shopfleet.shop.order.points.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.support.identity.ShopIdentity;

@RestController
class PointsController {

    private final PointsWallet wallet;

    PointsController(PointsWallet wallet) {
        this.wallet = wallet;
    }

    @GetMapping(path = "/api/points", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<PointsResponse> points(@AuthenticationPrincipal ShopIdentity me,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ApiResponse.ok(PointsResponse.from(wallet.balance(me.userId()),
                wallet.history(me.userId(), PageRequest.of(page, size))));
    }
}
