package com.shopfleet.shop.auth.rememberme;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.auth.session.CookieProperties;

/** The {@code REMEMBER_ME} cookie: HttpOnly, SameSite=Lax, Path=/, 14 days, Secure when configured. */
@Component
public class RememberMeCookies {

    public static final String NAME = "REMEMBER_ME";

    private final boolean secure;
    private final Duration maxAge;

    RememberMeCookies(CookieProperties cookies, RememberMeProperties properties) {
        this.secure = cookies.secure();
        this.maxAge = properties.validity();
    }

    public void write(HttpServletResponse response, String value) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(value, maxAge).toString());
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    public String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private ResponseCookie cookie(String value, Duration age) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax").secure(secure).maxAge(age).build();
    }
}
