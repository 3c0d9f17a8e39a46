package com.shopfleet.shop.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * Where a route's circuit breaker forwards when its service failed it: refused connection, no
 * answer within the route's timeout, the breaker open, a broken connection. The client gets 503
 * {@code SERVICE_UNAVAILABLE} in the envelope, whatever the cause; the cause goes to the log. Only
 * reachable by that forward: asked for directly, it is an unknown path.
 */
class UnavailableFallback implements HandlerFunction<ServerResponse> {

    static final String PATH = "/__gateway/unavailable";

    private static final Logger log = LoggerFactory.getLogger(UnavailableFallback.class);

    private final ErrorTranslator translator;

    UnavailableFallback(ErrorTranslator translator) {
        this.translator = translator;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (route == null || cause == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String traceId = ReactiveErrors.traceId(exchange);
        log.warn("Route {} unavailable [{}]: {}", route.getId(), traceId, cause.toString());
        ApiError error = translator.translate(new ShopException(ErrorCode.SERVICE_UNAVAILABLE),
                exchange.getLocaleContext().getLocale(), traceId);
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> error.headers().forEach(headers::set))
                .bodyValue(error.body());
    }
}
