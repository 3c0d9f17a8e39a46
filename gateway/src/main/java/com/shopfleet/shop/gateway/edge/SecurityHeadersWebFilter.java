package com.shopfleet.shop.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.gateway.GatewayProperties;

/**
 * The standard security headers on every response the gateway sends — routed, refused, failed or
 * its own — written just before the response commits, so a service's own values cannot weaken them.
 * API responses get a Content-Security-Policy that allows nothing; Swagger UI gets one that allows
 * its own scripts and styles. {@code Cache-Control: no-store} goes on {@code /api/**} unless the
 * service chose a caching policy itself. HSTS only when configured (prod, behind HTTPS).
 */
public class SecurityHeadersWebFilter implements WebFilter, Ordered {

    /** Early, so that refusals by the later edge filters carry the headers too. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";

    private final String hsts;

    public SecurityHeadersWebFilter(GatewayProperties.SecurityHeaders properties) {
        this.hsts = properties.hsts() ? "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains" : null;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            apply(response.getHeaders(), path);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void apply(HttpHeaders headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", isSwaggerUi(path) ? SWAGGER_UI_POLICY : API_POLICY);
        if (hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        }
        if ((path.equals("/api") || path.startsWith("/api/")) && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isSwaggerUi(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
