package com.shopfleet.shop.auth.recovery.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** CONTRACTS §2: {@code {email, code, credentials}}, the new password inside the credentials. */
record PasswordResetConfirmation(@NotBlank @Size(max = 254) @Email String email,
        @NotBlank @Pattern(regexp = "[0-9]{6}") String code, @NotBlank String credentials) {

    @Override
    public String toString() {
        return "PasswordResetConfirmation[email=" + email + "]";
    }
}
