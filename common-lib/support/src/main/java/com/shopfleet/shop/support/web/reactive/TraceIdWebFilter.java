package com.shopfleet.shop.support.web.reactive;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.support.error.TraceIds;

/**
 * The reactive twin of the servlet trace-id filter: one trace id per exchange, echoed as
 * {@code X-Trace-Id} and used by the error envelope. When the application traces, it is the trace id
 * of the exchange's HTTP server observation (which honoured an incoming {@code traceparent} and is
 * propagated to the routed services); otherwise the {@code traceparent} header's, else a new one.
 */
public class TraceIdWebFilter implements WebFilter, Ordered {

    private final Function<ServerRequestObservationContext, @Nullable String> traceIdOfObservation;

    /** Without tracing: the incoming {@code traceparent}'s trace id, else a new one. */
    public TraceIdWebFilter() {
        this(context -> null);
    }

    public TraceIdWebFilter(Function<ServerRequestObservationContext, @Nullable String> traceIdOfObservation) {
        this.traceIdOfObservation = traceIdOfObservation;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(traceIdOfObservation)
                .orElseGet(() -> TraceIds.fromTraceparent(exchange.getRequest().getHeaders().getFirst("traceparent")));
        exchange.getAttributes().put(TraceIds.ATTRIBUTE, traceId);
        exchange.getResponse().getHeaders().set(TraceIds.HEADER, traceId);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
