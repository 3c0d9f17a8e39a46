package com.shopfleet.shop.auth.credentials.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.credentials.LoginKeys;
import com.shopfleet.shop.contracts.web.ApiResponse;

/** {@code GET /api/auth/public-key}: what a browser encrypts its credentials for. Anonymous. */
@RestController
class PublicKeyController {

    private final LoginKeys keys;

    PublicKeyController(LoginKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/auth/public-key")
    ResponseEntity<ApiResponse<PublicKeyResponse>> publicKey() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ApiResponse.ok(PublicKeyResponse.from(keys.current())));
    }
}
