package com.shopfleet.shop.gateway.identity;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * The last step before a service: refuses what the caller may not use ({@link AccessPolicy}: 401
 * {@code UNAUTHENTICATED} for an anonymous caller, 403 {@code FORBIDDEN} for too low a rank; the
 * service never sees the request) and otherwise hands the caller on as the internal identity token
 * for the route's service ({@code X-Shop-Identity}, {@code aud} = the service): the user's, or an
 * anonymous one carrying the client's address and language. Whatever identity the client sent was
 * removed at the edge, so this token is the only one a service can receive.
 */
public class AccessFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -100;

    private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);

    private final AccessPolicy policy;
    private final IdentityTokens tokens;
    private final IdentityTokenCache userTokens;
    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;

    public AccessFilter(AccessPolicy policy, IdentityTokens tokens, ErrorTranslator translator, JsonMapper jsonMapper) {
        this(policy, tokens, Duration.ZERO, translator, jsonMapper);
    }

    /**
     * @param tokenReuse how long a user's minted token is reused while the caller is unchanged
     *                   ({@link IdentityTokenCache}); zero: a new token on every request
     */
    public AccessFilter(AccessPolicy policy, IdentityTokens tokens, Duration tokenReuse, ErrorTranslator translator,
            JsonMapper jsonMapper) {
        this.policy = policy;
        this.tokens = tokens;
        this.userTokens = new IdentityTokenCache(tokens, tokenReuse, 50_000, System::nanoTime);
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String audience = ApiRoutes.audience(exchange);
        Caller caller = Caller.of(exchange);
        if (audience == null || caller == null) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        AccessPolicy.Decision decision = policy.decide(request.getMethod(), request.getPath().pathWithinApplication(),
                caller.identity());
        if (decision != AccessPolicy.Decision.ALLOWED) {
            ErrorCode code = decision == AccessPolicy.Decision.FORBIDDEN ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
            String traceId = ReactiveErrors.traceId(exchange);
            log.debug("{} {} refused as {} [{}]", request.getMethod(), request.getPath(), code, traceId);
            return ReactiveErrors.write(exchange, translator.translate(new ShopException(code),
                    exchange.getLocaleContext().getLocale(), traceId), jsonMapper);
        }
        String token = caller.authenticated() ? userTokens.token(caller.identity(), audience)
                : tokens.mintAnonymous(caller.clientIp(), caller.locale(), audience);
        return chain.filter(exchange.mutate()
                .request(mutated -> mutated.headers(headers -> headers.set(IdentityToken.HEADER, token)))
                .build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
