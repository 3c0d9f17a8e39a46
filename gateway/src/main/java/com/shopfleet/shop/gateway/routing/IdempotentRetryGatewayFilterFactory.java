package com.shopfleet.shop.gateway.routing;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Route filter {@code IdempotentRetry}: Spring Cloud Gateway's {@code Retry}, same arguments, applied only
 * to requests whose method it may retry ({@code methods}). {@code Retry} never retries any other method
 * either, but it still wrapped every request in its repeat and retry operators: on the FCFS entry route
 * (POST) that was a few per cent of the gateway's CPU per request (JFR, infra/loadtest) spent on a retry
 * that can never happen. Other methods go straight down the chain.
 */
class IdempotentRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

    static final String NAME = "IdempotentRetry";

    @Override
    public GatewayFilter apply(RetryConfig config) {
        GatewayFilter retry = super.apply(config);
        List<HttpMethod> methods = List.copyOf(config.getMethods());
        return new GatewayFilter() {

            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                return methods.contains(exchange.getRequest().getMethod()) ? retry.filter(exchange, chain)
                        : chain.filter(exchange);
            }

            @Override
            public String toString() {
                return NAME + methods + " " + retry;
            }
        };
    }

    @Override
    public String name() {
        return NAME;
    }
}
