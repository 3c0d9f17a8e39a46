package com.shopfleet.shop.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.gateway.*}: what the gateway itself owns. The routes in {@code application.yml} read
 * {@code services.<name>.uri} and {@code services.<name>.response-timeout-ms}; binding them here as
 * well makes a wrong value fail the start instead of being ignored by a route at run time.
 *
 * @param services where each service runs and how long the gateway waits for its answer
 * @param cors which foreign origins may call the API from a browser
 * @param securityHeaders the standard security headers set on every response
 * @param identity sessions, remember-me and the cookies the gateway sets
 * @param access which API paths anonymous callers may use
 * @param rateLimit the request budgets
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(Services services, @DefaultValue Cors cors, @DefaultValue SecurityHeaders securityHeaders,
        @DefaultValue Identity identity, @DefaultValue Access access, @DefaultValue RateLimit rateLimit) {

    public GatewayProperties {
        require(services != null, "shop.gateway.services must be configured");
    }

    /** The five upstreams; each must be set (the yml gives localhost defaults). */
    public record Services(Upstream auth, Upstream catalog, Upstream order, Upstream event, Upstream notification) {

        public Services {
            require(auth != null && catalog != null && order != null && event != null && notification != null,
                    "shop.gateway.services.{auth,catalog,order,event,notification} must all be configured");
        }
    }

    /**
     * One upstream service.
     *
     * @param uri its base URI, {@code http(s)://host:port}, no path
     * @param responseTimeoutMs how long the gateway waits for the response headers before answering 503;
     *        a plain number of milliseconds because the route metadata reads it as such (a value like
     *        {@code 5s} would be silently ignored there, so it fails the start here)
     */
    public record Upstream(URI uri, @DefaultValue("5000") long responseTimeoutMs) {

        public Upstream {
            require(uri != null, "an upstream uri is required");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
                    "an upstream uri must be http(s)://host[:port], got " + uri);
            require(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"),
                    "an upstream uri must not carry a path (routes keep the client's path), got " + uri);
            require(responseTimeoutMs > 0, "response-timeout-ms must be positive, got " + responseTimeoutMs);
        }

        public Duration responseTimeout() {
            return Duration.ofMillis(responseTimeoutMs);
        }
    }

    /**
     * Cross-origin access for browsers. Empty (the default) means same-origin only: every
     * cross-origin request is refused. Credentials (the session cookie) are always allowed for the
     * listed origins, so a wildcard is refused at start-up.
     *
     * @param allowedOrigins exact origins, e.g. {@code https://shop.example.com}
     * @param maxAge how long a browser may cache a preflight answer
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
            for (String origin : allowedOrigins) {
                URI parsed = parse(origin);
                require(parsed != null && !origin.contains("*") && parsed.getHost() != null
                        && (parsed.getRawPath() == null || parsed.getRawPath().isEmpty()) && parsed.getRawQuery() == null
                        && ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())),
                        "shop.gateway.cors.allowed-origins takes exact origins like https://shop.example.com"
                                + " (no wildcard, no path), got '" + origin + "'");
            }
        }

        private static URI parse(String origin) {
            try {
                return URI.create(origin);
            }
            catch (IllegalArgumentException invalid) {
                return null;
            }
        }
    }

    /**
     * @param hsts whether to send {@code Strict-Transport-Security} (only where the site is served
     *        over HTTPS, i.e. the prod profile)
     * @param hstsMaxAge its {@code max-age}
     */
    public record SecurityHeaders(@DefaultValue("false") boolean hsts, @DefaultValue("365d") Duration hstsMaxAge) {
    }

    /**
     * Sessions (owned by auth-service, read and slid here), remember-me and the gateway's cookies.
     *
     * @param secureCookies mark the cookies the gateway sets ({@code XSRF-TOKEN}; {@code SESSION} and
     *        {@code REMEMBER_ME} after a remember-me exchange) {@code Secure}: on wherever the site is
     *        served over HTTPS (the prod profile)
     * @param sessionNamespace auth-service's Spring Session namespace: a session is the hash
     *        {@code <namespace>:sessions:<id>}
     * @param rememberMeTimeout how long the gateway waits for auth-service's remember-me exchange
     *        before it goes on anonymously
     * @param rememberMeReuse how long one exchange's outcome answers further requests carrying the
     *        same {@code REMEMBER_ME} cookie from the same client (a page firing parallel requests
     *        must not present the rotated token twice, which auth-service would take for theft)
     */
    public record Identity(@DefaultValue("false") boolean secureCookies, @DefaultValue("spring:session") String sessionNamespace,
            @DefaultValue("2s") Duration rememberMeTimeout, @DefaultValue("10s") Duration rememberMeReuse,
            @DefaultValue("5s") Duration tokenReuse) {

        public Identity {
            require(tokenReuse != null && !tokenReuse.isNegative() && tokenReuse.compareTo(Duration.ofSeconds(30)) <= 0,
                    "shop.gateway.identity.token-reuse must be 0..30s (identity tokens live 60 s)");
            require(sessionNamespace != null && !sessionNamespace.isBlank(), "shop.gateway.identity.session-namespace must not be blank");
            require(rememberMeTimeout != null && rememberMeTimeout.isPositive(), "shop.gateway.identity.remember-me-timeout must be positive");
            require(rememberMeReuse != null && !rememberMeReuse.isNegative(), "shop.gateway.identity.remember-me-reuse must not be negative");
        }
    }

    /**
     * Who may call what. Staff paths are fixed by the contract (CONTRACTS §3); everything under
     * {@code /api/**} that is neither staff nor listed here needs a signed-in user.
     *
     * @param publicPaths request rules anonymous callers may use, each {@code "[METHOD ]/path/pattern"}
     *        (Spring path patterns; no method = any method; {@code GET} also covers {@code HEAD})
     */
    public record Access(@DefaultValue List<String> publicPaths) {

        public Access {
            publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
            publicPaths.forEach(RequestRule::parse);
        }
    }

    /**
     * Request budgets, token buckets in Redis (Spring Cloud Gateway's {@code RedisRateLimiter}): per
     * signed-in user, per client IP when anonymous. A request is counted against the first group
     * whose paths match it, otherwise against the default budget.
     *
     * @param enabled whether requests are limited at all
     * @param defaultBudget the budget of every routed request no group claims
     * @param groups stricter budgets for sensitive requests (login, signup, password reset, event entries)
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue Budget defaultBudget,
            @DefaultValue Map<String, Group> groups) {

        public RateLimit {
            groups = groups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            groups.forEach((name, group) -> require(name.matches("[a-z0-9-]+") && !name.equals("default"),
                    "shop.gateway.rate-limit.groups names are lower-case words other than 'default', got '" + name + "'"));
        }
    }

    /**
     * A token bucket: {@code burstCapacity} tokens at most, {@code replenishRate} new tokens per
     * second, {@code requestedTokens} taken by each request. So a client may send
     * {@code burstCapacity / requestedTokens} requests at once and then one every
     * {@code requestedTokens / replenishRate} seconds.
     */
    public record Budget(@DefaultValue("20") int replenishRate, @DefaultValue("40") long burstCapacity,
            @DefaultValue("1") int requestedTokens) {

        public Budget {
            checkBudget(replenishRate, burstCapacity, requestedTokens);
        }
    }

    /**
     * @param paths request rules, each {@code "[METHOD ]/path/pattern"}
     * @param replenishRate tokens added per second
     * @param burstCapacity tokens at most
     * @param requestedTokens tokens one request takes
     */
    public record Group(List<String> paths, int replenishRate, long burstCapacity, @DefaultValue("1") int requestedTokens) {

        public Group {
            require(paths != null && !paths.isEmpty(), "a rate-limit group needs paths");
            paths = List.copyOf(paths);
            paths.forEach(RequestRule::parse);
            checkBudget(replenishRate, burstCapacity, requestedTokens);
        }

        public Budget budget() {
            return new Budget(replenishRate, burstCapacity, requestedTokens);
        }
    }

    private static void checkBudget(int replenishRate, long burstCapacity, int requestedTokens) {
        require(replenishRate >= 1, "a rate-limit replenish-rate must be at least 1 token per second, got " + replenishRate);
        require(requestedTokens >= 1, "a rate-limit requested-tokens must be at least 1, got " + requestedTokens);
        require(burstCapacity >= replenishRate && burstCapacity >= requestedTokens,
                "a rate-limit burst-capacity must be at least the replenish-rate and the requested-tokens, got " + burstCapacity);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
