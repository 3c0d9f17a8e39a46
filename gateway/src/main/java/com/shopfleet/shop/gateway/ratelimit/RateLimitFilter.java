package com.shopfleet.shop.gateway.ratelimit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.gateway.RequestRule;
import com.shopfleet.shop.gateway.edge.ClientAddressWebFilter;
import com.shopfleet.shop.gateway.identity.ApiRoutes;
import com.shopfleet.shop.gateway.identity.Caller;
import com.shopfleet.shop.gateway.identity.SessionBudget;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * Spends one request of the caller's budget ({@code shop.gateway.rate-limit.*}) on every routed
 * request: the budget of the first group whose rules match, otherwise the default one; the user's
 * when signed in, the client address's otherwise. Buckets live in Redis and are Spring Cloud
 * Gateway's {@link RedisRateLimiter} (one atomic Lua script per request; every gateway instance
 * shares them). Every answer carries the {@code X-RateLimit-*} headers; past the budget it is 429
 * {@code RATE_LIMITED} with {@code Retry-After} (seconds until enough tokens are back), the service
 * is not called, and {@code shop.gateway.ratelimit.rejected{route,group}} counts it. Redis being down
 * lets requests through (the limiter's own choice: a limit is not worth an outage), logged as an
 * error.
 */
public class RateLimitFilter implements GlobalFilter, Ordered, SessionBudget {

    public static final int ORDER = -200;

    static final String DEFAULT_GROUP = "default";
    static final String METRIC = "shop.gateway.ratelimit.rejected";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RedisRateLimiter limiter;
    private final List<Group> groups;
    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Map<String, SessionBudget.Budget> budgets = new HashMap<>();

    public RateLimitFilter(RedisRateLimiter limiter, GatewayProperties.RateLimit properties, ErrorTranslator translator,
            JsonMapper jsonMapper, MeterRegistry meters) {
        this.limiter = limiter;
        this.groups = properties.groups().entrySet().stream()
                .map(entry -> new Group(entry.getKey(), entry.getValue().paths().stream().map(RequestRule::parse).toList()))
                .toList();
        limiter.getConfig().put(DEFAULT_GROUP, config(properties.defaultBudget()));
        properties.groups().forEach((name, group) -> limiter.getConfig().put(name, config(group.budget())));
        limiter.getConfig().forEach((name, config) -> budgets.put(name, new SessionBudget.Budget(name,
                config.getReplenishRate(), config.getBurstCapacity(), config.getRequestedTokens())));
        this.translator = translator;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
    }

    private static RedisRateLimiter.Config config(GatewayProperties.Budget budget) {
        return new RedisRateLimiter.Config().setReplenishRate(budget.replenishRate())
                .setBurstCapacity(budget.burstCapacity())
                .setRequestedTokens(budget.requestedTokens());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (ApiRoutes.route(exchange) == null) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        String group = group(request);
        Caller caller = Caller.of(exchange);
        SessionBudget.Spent spent = SessionBudget.Spent.of(exchange);
        if (spent != null && caller != null && caller.authenticated() && spent.budget().group().equals(group)) {
            // spent by the session lookup, in its round trip (SessionBudget)
            Map<String, String> headers = headers(spent.budget(), spent.remaining());
            headers.forEach(exchange.getResponse().getHeaders()::set);
            return spent.allowed() ? chain.filter(exchange) : reject(exchange, group, headers);
        }
        String key = caller != null ? caller.budgetKey() : "ip:" + ClientAddressWebFilter.clientIp(exchange);
        return limiter.isAllowed(group, key).flatMap(response -> {
            Map<String, String> headers = response.getHeaders();
            HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
            headers.forEach(responseHeaders::set);
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            return reject(exchange, group, headers);
        });
    }

    private Mono<Void> reject(ServerWebExchange exchange, String group, Map<String, String> budgetHeaders) {
        String route = ApiRoutes.routeId(exchange);
        Counter.builder(METRIC).description("Requests refused for exceeding their rate-limit budget")
                .tag("route", route).tag("group", group).register(meters).increment();
        long retryAfter = retryAfterSeconds(limiter.getConfig().get(group), budgetHeaders);
        Map<String, String> headers = new LinkedHashMap<>(budgetHeaders);
        headers.put(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        String traceId = ReactiveErrors.traceId(exchange);
        log.debug("Rate-limited {} {} (budget {}) [{}]", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                group, traceId);
        return ReactiveErrors.write(exchange, translator.translate(new RateLimitedException(retryAfter, headers),
                exchange.getLocaleContext().getLocale(), traceId), jsonMapper);
    }

    @Override
    public SessionBudget.Budget budgetOf(ServerHttpRequest request) {
        return budgets.get(group(request));
    }

    /** The headers {@link RedisRateLimiter} puts on every answer, for a budget spent by the session lookup. */
    private static Map<String, String> headers(SessionBudget.Budget budget, long remaining) {
        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.put(RedisRateLimiter.REMAINING_HEADER, Long.toString(remaining));
        headers.put(RedisRateLimiter.REPLENISH_RATE_HEADER, Long.toString(budget.replenishRate()));
        headers.put(RedisRateLimiter.BURST_CAPACITY_HEADER, Long.toString(budget.burstCapacity()));
        headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, Long.toString(budget.requestedTokens()));
        return headers;
    }

    /** Seconds until the bucket again holds a request's tokens (at least 1). */
    static long retryAfterSeconds(RedisRateLimiter.Config config, Map<String, String> headers) {
        long remaining;
        try {
            remaining = Math.max(0, Long.parseLong(headers.getOrDefault(RedisRateLimiter.REMAINING_HEADER, "0")));
        }
        catch (NumberFormatException ex) {
            remaining = 0;
        }
        long missing = Math.max(1, config.getRequestedTokens() - remaining);
        return Math.max(1, (missing + config.getReplenishRate() - 1) / config.getReplenishRate());
    }

    private String group(ServerHttpRequest request) {
        for (Group group : groups) {
            if (group.rules().stream().anyMatch(rule -> rule.matches(request))) {
                return group.name();
            }
        }
        return DEFAULT_GROUP;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private record Group(String name, List<RequestRule> rules) {
    }
}
