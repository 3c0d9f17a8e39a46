package com.shopfleet.shop.auth.login.web;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/auth/login} (CONTRACTS §2): the encrypted credentials, and whether to stay logged in. */
record LoginRequest(@NotBlank String credentials, Boolean rememberMe) {
}
