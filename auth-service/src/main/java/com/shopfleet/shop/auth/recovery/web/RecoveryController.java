package com.shopfleet.shop.auth.recovery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.recovery.EmailLookup;
import com.shopfleet.shop.auth.recovery.PasswordReset;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.identity.ClientAddress;

/** Anonymous account recovery: password reset by code, and "find my email" (아이디 찾기). */
@RestController
@RequestMapping("/api/auth")
class RecoveryController {

    private final PasswordReset passwordReset;
    private final EmailLookup emailLookup;

    RecoveryController(PasswordReset passwordReset, EmailLookup emailLookup) {
        this.passwordReset = passwordReset;
        this.emailLookup = emailLookup;
    }

    /** 202 whether or not the email has an account. */
    @PostMapping("/password-reset")
    ResponseEntity<ApiResponse<Void>> requestReset(@Valid @RequestBody PasswordResetRequest body, HttpServletRequest request) {
        passwordReset.request(body.email(), ClientAddress.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(null));
    }

    /** 204: the new password is set and every session of the account has ended. */
    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody PasswordResetConfirmation body, HttpServletRequest request) {
        passwordReset.confirm(body.email(), body.code(), body.credentials(), ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    /** 202 always; the masked address goes out by SMS, never in the response. */
    @PostMapping("/find-email")
    ResponseEntity<ApiResponse<Void>> findEmail(@Valid @RequestBody EmailLookupRequest body, HttpServletRequest request) {
        emailLookup.request(body.name(), body.phone(), ClientAddress.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(null));
    }
}
