package com.shopfleet.shop.auth.selfservice.web;

import jakarta.validation.constraints.NotBlank;

/** Both passwords as encrypted credentials (each with the account's email, its own nonce and timestamp). */
record PasswordChangeRequest(@NotBlank String currentCredentials, @NotBlank String newCredentials) {
}
