package com.shopfleet.shop.gateway.edge;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * Refuses (400 {@code MALFORMED_REQUEST}) any request whose path a service could read differently
 * from the gateway. Routes match the raw path, but a servlet container normalizes it before its own
 * dispatch: {@code /api/products/../../actuator/health} matches the catalog route here and would be
 * {@code /actuator/health} there. So no dot segments, no encoded dot, slash, backslash, percent or
 * NUL, no {@code ;} path parameters ({@code ..;/}), no backslash, no empty segment, nothing outside
 * printable ASCII. None of these has a use in the fleet's API.
 */
public class PathGuardWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final Logger log = LoggerFactory.getLogger(PathGuardWebFilter.class);

    private static final List<String> FORBIDDEN_PARTS = List.of("%2e", "%2f", "%5c", "%25", "%00", "%3b", ";", "\\", "//");

    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;

    public PathGuardWebFilter(ErrorTranslator translator, JsonMapper jsonMapper) {
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (isSafe(rawPath)) {
            return chain.filter(exchange);
        }
        String traceId = ReactiveErrors.traceId(exchange);
        log.info("Refused an ambiguous path [{}]", traceId);
        return ReactiveErrors.write(exchange, translator.translate(new ShopException(ErrorCode.MALFORMED_REQUEST),
                exchange.getLocaleContext().getLocale(), traceId), jsonMapper);
    }

    static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String part : FORBIDDEN_PARTS) {
            if (lower.contains(part)) {
                return false;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
