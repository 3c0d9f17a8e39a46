package com.shopfleet.shop.gateway.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The double-submit CSRF token of CONTRACTS §3: a random value in the {@code XSRF-TOKEN} cookie
 * (readable by scripts, {@code SameSite=Lax}) that every unsafe request must echo in
 * {@code X-XSRF-TOKEN} — what axios and Angular send by default. A foreign site can make a browser
 * send the cookie but can neither read it nor set the header.
 */
final class CsrfTokens {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    static boolean isUnsafe(HttpMethod method) {
        return !SAFE.contains(method);
    }

    static String cookieValue(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** Whether the request echoes its cookie's token in the header (compared in constant time). */
    static boolean matches(ServerHttpRequest request) {
        String cookie = cookieValue(request);
        String header = request.getHeaders().getFirst(HEADER);
        return cookie != null && header != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseCookie newCookie(boolean secure) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ResponseCookie.from(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .path("/")
                .secure(secure)
                .sameSite("Lax")
                .build();
    }
}
