package com.shopfleet.shop.auth.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/signup} (CONTRACTS §2). The password exists only inside {@code credentials},
 * whose {@code email} must be this one.
 */
record SignupRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") String email,
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
        @NotBlank @Size(max = 20) String phone,
        @Pattern(regexp = "ko|en") String locale,
        @NotNull @Valid Consents consents,
        @NotBlank String credentials) {

    /** age14, terms and privacy are required (true); marketing is optional. */
    record Consents(@NotNull @AssertTrue Boolean age14, @NotNull @AssertTrue Boolean terms,
            @NotNull @AssertTrue Boolean privacy, Boolean marketing) {
    }
}
