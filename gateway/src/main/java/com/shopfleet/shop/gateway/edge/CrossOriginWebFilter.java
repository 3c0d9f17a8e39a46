package com.shopfleet.shop.gateway.edge;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * CORS for the whole gateway, answered here and never by a service. Origins come from
 * {@code shop.gateway.cors.allowed-origins} (none by default: same-origin only). A cross-origin
 * request or preflight from any other origin is refused with a 403 {@code FORBIDDEN} envelope and
 * never routed. Credentials are allowed (the session cookie); the fleet's request headers are
 * allowed and the headers a client needs to read are exposed.
 */
public class CrossOriginWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

    static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    static final List<String> ALLOWED_HEADERS = List.of("X-XSRF-TOKEN", "Idempotency-Key", "Content-Type",
            "Accept-Language", "traceparent");

    /** Listed one by one: with credentials a browser reads {@code *} as a header literally named "*". */
    static final List<String> EXPOSED_HEADERS = List.of("X-Trace-Id", "Retry-After", "X-RateLimit-Remaining",
            "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity", "X-RateLimit-Requested-Tokens");

    private static final Logger log = LoggerFactory.getLogger(CrossOriginWebFilter.class);

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;

    public CrossOriginWebFilter(GatewayProperties.Cors properties, ErrorTranslator translator, JsonMapper jsonMapper) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(ALLOWED_METHODS);
        config.setAllowedHeaders(ALLOWED_HEADERS);
        config.setExposedHeaders(EXPOSED_HEADERS);
        config.setAllowCredentials(true);
        config.setMaxAge(properties.maxAge());
        this.configuration = config;
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            String traceId = ReactiveErrors.traceId(exchange);
            log.info("Refused a cross-origin request from {} [{}]", request.getHeaders().getOrigin(), traceId);
            return ReactiveErrors.write(exchange, translator.translate(new ShopException(ErrorCode.FORBIDDEN),
                    exchange.getLocaleContext().getLocale(), traceId), jsonMapper);
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
