package com.shopfleet.shop.auth.selfservice.web;

import jakarta.validation.constraints.NotBlank;

/** The current password as encrypted credentials. */
record WithdrawalRequest(@NotBlank String credentials) {
}
