package com.shopfleet.shop.auth.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.rememberme.RememberMeCookies;
import com.shopfleet.shop.auth.selfservice.SelfService;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.support.identity.ShopIdentity;

@RestController
@RequestMapping("/api/users/me")
class SelfServiceController {

    private final SelfService selfService;
    private final UserSessions sessions;
    private final RememberMeCookies rememberMeCookies;

    SelfServiceController(SelfService selfService, UserSessions sessions, RememberMeCookies rememberMeCookies) {
        this.selfService = selfService;
        this.sessions = sessions;
        this.rememberMeCookies = rememberMeCookies;
    }

    /** 204; every other session of the user has ended. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal ShopIdentity me,
            @Valid @RequestBody PasswordChangeRequest request) {
        selfService.changePassword(me, request.currentCredentials(), request.newCredentials());
        return ResponseEntity.noContent().build();
    }

    /** 회원탈퇴. 204, both cookies cleared. */
    @PostMapping("/withdrawal")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal ShopIdentity me, @Valid @RequestBody WithdrawalRequest request,
            HttpServletRequest httpRequest, HttpServletResponse response) {
        selfService.withdraw(me, request.credentials());
        sessions.clearCookie(httpRequest, response);
        rememberMeCookies.clear(response);
        return ResponseEntity.noContent().build();
    }
}
