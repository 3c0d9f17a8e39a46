package com.shopfleet.shop.support.web.reactive;

import java.util.Locale;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;

/** The reactive side of the fleet's error mapping: every failure the gateway meets becomes the envelope. */
public class ReactiveErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;

    public ReactiveErrorHandler(ErrorTranslator translator, JsonMapper jsonMapper) {
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ApiError error = translator.translate(ex, locale(exchange), ReactiveErrors.traceId(exchange));
        return ReactiveErrors.write(exchange, error, jsonMapper);
    }

    private static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale();
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
