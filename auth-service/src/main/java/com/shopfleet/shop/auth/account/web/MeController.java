package com.shopfleet.shop.auth.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.Profile;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** The caller's own account. */
@RestController
@RequestMapping("/api/users/me")
class MeController {

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    ApiResponse<Profile> me(@AuthenticationPrincipal ShopIdentity me) {
        return ApiResponse.ok(Profile.of(accounts.requireActive(me.userId())));
    }

    @PatchMapping
    ApiResponse<Profile> change(@AuthenticationPrincipal ShopIdentity me, @Valid @RequestBody ProfileChangeRequest request) {
        return ApiResponse.ok(Profile.of(accounts.updateProfile(me.userId(), request.name(), request.phone(),
                request.locale(), request.marketingConsent())));
    }
}
