package com.shopfleet.shop.auth.session.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.auth.session.ActiveSession;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** The caller's own sessions: where they are logged in, and logging one of them out. */
@RestController
@RequestMapping("/api/users/me/sessions")
class SessionController {

    private final UserSessions sessions;

    SessionController(UserSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    ApiResponse<List<SessionResponse>> list(@AuthenticationPrincipal ShopIdentity me) {
        return ApiResponse.ok(sessions.list(me.userId()).stream()
                .map(session -> SessionResponse.from(session, me.sessionId()))
                .toList());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(@AuthenticationPrincipal ShopIdentity me, @PathVariable String id,
            HttpServletRequest request, HttpServletResponse response) {
        ActiveSession session = sessions.list(me.userId()).stream()
                .filter(candidate -> candidate.handle().equals(id))
                .findFirst()
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        sessions.end(session.id());
        if (session.id().equals(me.sessionId())) {
            sessions.clearCookie(request, response);
        }
        return ResponseEntity.noContent().build();
    }
}
