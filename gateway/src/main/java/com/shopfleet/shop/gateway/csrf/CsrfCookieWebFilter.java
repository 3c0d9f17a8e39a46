package com.shopfleet.shop.gateway.csrf;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Hands out the {@code XSRF-TOKEN} cookie (docs/identity-flow.md, "CSRF"): on any response to a
 * request that came without one — routed, refused or failed alike, so a client always has a token
 * for its next unsafe request — and a fresh one on a successful login ({@code 200} to
 * {@code POST /api/auth/login}), so a token seen before signing in is worthless after. The check
 * itself is {@link CsrfFilter}.
 */
public class CsrfCookieWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

    static final String LOGIN_PATH = "/api/auth/login";

    private final boolean secure;

    public CsrfCookieWebFilter(boolean secure) {
        this.secure = secure;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean missing = CsrfTokens.cookieValue(request) == null;
        boolean login = HttpMethod.POST.equals(request.getMethod())
                && LOGIN_PATH.equals(request.getPath().pathWithinApplication().value());
        if (missing || login) {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                HttpStatusCode status = response.getStatusCode();
                if (missing || (status != null && status.value() == 200)) {
                    response.getCookies().set(CsrfTokens.COOKIE, CsrfTokens.newCookie(secure));
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
