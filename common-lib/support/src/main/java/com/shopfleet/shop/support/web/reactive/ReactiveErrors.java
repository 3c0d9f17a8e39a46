package com.shopfleet.shop.support.web.reactive;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.TraceIds;

/** Writing the envelope on a reactive exchange, for the error handler and for gateway filters that refuse. */
public final class ReactiveErrors {

    private ReactiveErrors() {
    }

    public static String traceId(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(TraceIds.ATTRIBUTE);
        return id != null ? id.toString()
                : TraceIds.fromTraceparent(exchange.getRequest().getHeaders().getFirst("traceparent"));
    }

    public static Mono<Void> write(ServerWebExchange exchange, ApiError error, JsonMapper jsonMapper) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(error.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        error.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        byte[] bytes = jsonMapper.writeValueAsBytes(error.body());
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
