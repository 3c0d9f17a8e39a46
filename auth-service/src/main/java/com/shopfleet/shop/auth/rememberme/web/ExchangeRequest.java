package com.shopfleet.shop.auth.rememberme.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The gateway's exchange request (docs/identity-flow.md): the cookie value and the client's User-Agent. */
record ExchangeRequest(@NotBlank @Size(max = 200) String token, @Size(max = 2000) String userAgent) {

    @Override
    public String toString() {
        return "ExchangeRequest[token=(hidden)]";
    }
}
