package com.shopfleet.shop.auth.account.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/users/me}: what is present changes, what is absent stays. */
record ProfileChangeRequest(
        @Size(min = 1, max = 50) @Pattern(regexp = "^(?=.*\\S)[^\\p{Cntrl}]*$") String name,
        @Size(max = 20) String phone,
        @Pattern(regexp = "ko|en") String locale,
        Boolean marketingConsent) {
}
