package com.shopfleet.shop.auth.account.web;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.Accounts.Registration;
import com.shopfleet.shop.auth.account.EmailAddress;
import com.shopfleet.shop.auth.account.Profile;
import com.shopfleet.shop.auth.credentials.Credentials;
import com.shopfleet.shop.auth.credentials.EncryptedCredentials;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** {@code POST /api/auth/signup} → 201 with the new account's profile. Anonymous. */
@RestController
class SignupController {

    private final EncryptedCredentials encryptedCredentials;
    private final Accounts accounts;

    SignupController(EncryptedCredentials encryptedCredentials, Accounts accounts) {
        this.encryptedCredentials = encryptedCredentials;
        this.accounts = accounts;
    }

    @PostMapping("/api/auth/signup")
    ResponseEntity<ApiResponse<Profile>> signup(@Valid @RequestBody SignupRequest request) {
        Credentials credentials = encryptedCredentials.open("credentials", request.credentials());
        if (!EmailAddress.normalize(credentials.email()).equals(EmailAddress.normalize(request.email()))) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED,
                    Map.of("credentials", "error.auth.credentials.emailMismatch"));
        }
        var registration = new Registration(request.email(), request.name(), request.phone(),
                request.locale() == null ? "ko" : request.locale(), Boolean.TRUE.equals(request.consents().marketing()),
                credentials.password());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiResponse.ok(Profile.of(accounts.register(registration, "credentials"))));
    }
}
