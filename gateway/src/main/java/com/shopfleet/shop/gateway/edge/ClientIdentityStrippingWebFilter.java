package com.shopfleet.shop.gateway.edge;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.contracts.identity.IdentityToken;

/**
 * Services trust identity only from the token the gateway mints (CONTRACTS §3), so whatever
 * identity a client sends is dropped before anything else in the gateway sees the request:
 * {@code X-Shop-Identity} and {@code Authorization} (and {@code Proxy-Authorization}). A web
 * filter rather than a route filter, and this early, so that the gateway's own identity filters,
 * which run later, start from a clean request and may add their token.
 */
public class ClientIdentityStrippingWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    static final List<String> STRIPPED = List.of(IdentityToken.HEADER, HttpHeaders.AUTHORIZATION,
            HttpHeaders.PROXY_AUTHORIZATION);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (STRIPPED.stream().noneMatch(headers::containsHeader)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(writable -> STRIPPED.forEach(writable::remove)))
                .build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
