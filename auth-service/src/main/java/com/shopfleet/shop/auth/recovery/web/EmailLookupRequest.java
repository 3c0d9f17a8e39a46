package com.shopfleet.shop.auth.recovery.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record EmailLookupRequest(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 20) String phone) {
}
