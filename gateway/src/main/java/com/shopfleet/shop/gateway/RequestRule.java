package com.shopfleet.shop.gateway;

import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PatternParseException;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A request rule from configuration: {@code "POST /api/auth/login"}, {@code "GET /api/products/**"}
 * or {@code "/api/events/{id}/entries"} (any method). Spring path patterns, matched against the raw
 * path (the path guard has already refused anything ambiguous). {@code GET} also covers
 * {@code HEAD}.
 *
 * @param method the method, or {@code null} for any
 * @param pattern the path pattern
 */
public record RequestRule(HttpMethod method, PathPattern pattern) {

    private static final PathPatternParser PARSER = new PathPatternParser();

    public static RequestRule parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a request rule must not be blank");
        }
        String trimmed = rule.trim();
        int space = trimmed.indexOf(' ');
        HttpMethod method = null;
        String path = trimmed;
        if (space > 0) {
            String name = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
            if (!name.matches("[A-Z]+")) {
                throw new IllegalArgumentException("a request rule is '[METHOD ]/path', got '" + rule + "'");
            }
            method = HttpMethod.valueOf(name);
            path = trimmed.substring(space + 1).trim();
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a request rule's path must start with '/', got '" + rule + "'");
        }
        try {
            return new RequestRule(method, PARSER.parse(path));
        }
        catch (PatternParseException ex) {
            throw new IllegalArgumentException("a request rule's path is not a valid pattern: '" + rule + "'", ex);
        }
    }

    public boolean matches(ServerHttpRequest request) {
        return matches(request.getMethod(), request.getPath().pathWithinApplication());
    }

    public boolean matches(HttpMethod requestMethod, PathContainer path) {
        if (method != null && !method.equals(requestMethod)
                && !(HttpMethod.GET.equals(method) && HttpMethod.HEAD.equals(requestMethod))) {
            return false;
        }
        return pattern.matches(path);
    }

    @Override
    public String toString() {
        return (method == null ? "" : method.name() + " ") + pattern.getPatternString();
    }
}
