package com.shopfleet.shop.support.web.reactive;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.support.error.TraceIds;

/** The reactive twin of the servlet trace-id filter: one trace id per exchange, echoed as {@code X-Trace-Id}. */
public class TraceIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = TraceIds.fromTraceparent(exchange.getRequest().getHeaders().getFirst("traceparent"));
        exchange.getAttributes().put(TraceIds.ATTRIBUTE, traceId);
        exchange.getResponse().getHeaders().set(TraceIds.HEADER, traceId);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
