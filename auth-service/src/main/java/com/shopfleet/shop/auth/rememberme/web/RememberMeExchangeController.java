package com.shopfleet.shop.auth.rememberme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.session.ClientDevice;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ClientAddress;

/**
 * {@code POST /internal/remember-me/exchange}: the gateway trades a {@code REMEMBER_ME} cookie for a
 * new session (docs/identity-flow.md). Never routed from outside; {@link InternalEndpointGuard}
 * requires the gateway's identity token first. 401 for an invalid, expired or stolen cookie.
 */
@RestController
class RememberMeExchangeController {

    private final RememberMe rememberMe;

    RememberMeExchangeController(RememberMe rememberMe) {
        this.rememberMe = rememberMe;
    }

    @PostMapping("/internal/remember-me/exchange")
    ApiResponse<ExchangeResponse> exchange(@Valid @RequestBody ExchangeRequest body, HttpServletRequest request) {
        return rememberMe.exchange(body.token(), new ClientDevice(ClientAddress.of(request), body.userAgent()))
                .map(ExchangeResponse::from)
                .map(ApiResponse::ok)
                .orElseThrow(() -> new ShopException(ErrorCode.UNAUTHENTICATED, "error.auth.rememberMe.invalid"));
    }
}
