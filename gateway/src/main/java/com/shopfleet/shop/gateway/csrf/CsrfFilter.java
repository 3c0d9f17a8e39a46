package com.shopfleet.shop.gateway.csrf;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.gateway.identity.ApiRoutes;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * Refuses every routed unsafe request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} —
 * login included) whose {@code X-XSRF-TOKEN} header does not equal its {@code XSRF-TOKEN} cookie:
 * 403 {@code CSRF_REJECTED}, counted in {@code shop.gateway.csrf.rejected{route}}. First of the
 * gateway's own checks on a route, before any session is looked up.
 */
public class CsrfFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -400;

    static final String METRIC = "shop.gateway.csrf.rejected";

    private static final Logger log = LoggerFactory.getLogger(CsrfFilter.class);

    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;

    public CsrfFilter(ErrorTranslator translator, JsonMapper jsonMapper, MeterRegistry meters) {
        this.translator = translator;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CsrfTokens.isUnsafe(request.getMethod()) || CsrfTokens.matches(request)) {
            return chain.filter(exchange);
        }
        String route = ApiRoutes.routeId(exchange);
        Counter.builder(METRIC).description("Unsafe requests refused for a missing or wrong CSRF token")
                .tag("route", route).register(meters).increment();
        String traceId = ReactiveErrors.traceId(exchange);
        log.debug("Refused {} {} without a matching CSRF token [{}]", request.getMethod(), request.getPath(), traceId);
        return ReactiveErrors.write(exchange, translator.translate(new ShopException(ErrorCode.CSRF_REJECTED),
                exchange.getLocaleContext().getLocale(), traceId), jsonMapper);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
