package com.shopfleet.shop.gateway.identity;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Lets the session lookup spend a signed-in caller's request budget in the same Redis round trip
 * (one script for the session and the token bucket, see {@link SessionStore}). The rate limiter
 * says which budget a request spends; the session lookup spends it when the session has a user and
 * leaves a {@link Spent} on the exchange, which the rate limiter then uses instead of asking Redis
 * again. Anonymous callers and remember-me exchanges are not covered: the rate limiter spends their
 * budget itself.
 */
public interface SessionBudget {

    /** The budget this request spends, or {@code null} when it spends none. */
    Budget budgetOf(ServerHttpRequest request);

    /**
     * A token bucket ({@code request_rate_limiter.{<group>.user:<id>}.tokens|timestamp}, the keys and
     * arithmetic of Spring Cloud Gateway's {@code RedisRateLimiter}, so both paths share buckets).
     */
    record Budget(String group, long replenishRate, long burstCapacity, long requestedTokens) {

        /** The bucket keys' common prefix for a signed-in user; the user id and {@code "}"} follow. */
        String userKeyPrefix() {
            return "request_rate_limiter.{" + group + ".user:";
        }
    }

    /** What the session lookup spent: the budget, whether the request was allowed, tokens left. */
    record Spent(Budget budget, boolean allowed, long remaining) {

        static final String ATTRIBUTE = Spent.class.getName();

        /** The budget already spent for this exchange, or {@code null}. */
        public static Spent of(ServerWebExchange exchange) {
            return exchange.getAttribute(ATTRIBUTE);
        }
    }
}
