package com.shopfleet.shop.auth.login.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.account.Profile;
import com.shopfleet.shop.auth.login.Logins;
import com.shopfleet.shop.auth.login.Logins.LoginResult;
import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.rememberme.RememberMeCookies;
import com.shopfleet.shop.auth.session.ClientDevice;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.identity.ClientAddress;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Login and logout. Both anonymous (a logout also works for a session that already expired). */
@RestController
class LoginController {

    private final Logins logins;
    private final UserSessions sessions;
    private final RememberMe rememberMe;
    private final RememberMeCookies rememberMeCookies;

    LoginController(Logins logins, UserSessions sessions, RememberMe rememberMe, RememberMeCookies rememberMeCookies) {
        this.logins = logins;
        this.sessions = sessions;
        this.rememberMe = rememberMe;
        this.rememberMeCookies = rememberMeCookies;
    }

    /** 200 with the profile; {@code SESSION} (and {@code REMEMBER_ME} if asked) set on the response. */
    @PostMapping("/api/auth/login")
    ApiResponse<Profile> login(@Valid @RequestBody LoginRequest body, @AuthenticationPrincipal ShopIdentity me,
            HttpServletRequest request, HttpServletResponse response) {
        List<String> previous = new ArrayList<>(sessions.idsFromCookie(request));
        if (me != null && me.sessionId() != null) {
            previous.add(me.sessionId());
        }
        String oldRememberMe = rememberMeCookies.read(request);
        LoginResult result = logins.login(body.credentials(), Boolean.TRUE.equals(body.rememberMe()),
                new ClientDevice(ClientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT)), previous);
        rememberMe.revokeCookie(oldRememberMe);
        sessions.writeCookie(request, response, result.session());
        if (result.rememberMe() != null) {
            rememberMeCookies.write(response, result.rememberMe().cookieValue());
        }
        else if (oldRememberMe != null) {
            rememberMeCookies.clear(response);
        }
        return ApiResponse.ok(result.profile());
    }

    /** 204: the session and its remember-me series are gone, both cookies cleared. */
    @PostMapping("/api/auth/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal ShopIdentity me, HttpServletRequest request,
            HttpServletResponse response) {
        logins.logout(me == null ? null : me.sessionId(), sessions.idsFromCookie(request), rememberMeCookies.read(request));
        sessions.clearCookie(request, response);
        rememberMeCookies.clear(response);
        return ResponseEntity.noContent().build();
    }
}
