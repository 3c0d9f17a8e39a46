package com.shopfleet.shop.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(Services services, @DefaultValue Cors cors, @DefaultValue SecurityHeaders securityHeaders) {

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

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
