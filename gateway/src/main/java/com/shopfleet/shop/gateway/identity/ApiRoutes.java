package com.shopfleet.shop.gateway.identity;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

/**
 * API routes carry their service's name in the metadata key {@value #AUDIENCE} (application.yml):
 * the audience of the identity token minted for it. Routes without it (the OpenAPI documents) get no
 * identity.
 */
public final class ApiRoutes {

    public static final String AUDIENCE = "audience";

    private ApiRoutes() {
    }

    public static Route route(ServerWebExchange exchange) {
        return exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    }

    /** The target service of the matched route, or {@code null} when it is not an API route. */
    public static String audience(ServerWebExchange exchange) {
        Route route = route(exchange);
        if (route == null) {
            return null;
        }
        Object audience = route.getMetadata().get(AUDIENCE);
        return audience == null ? null : audience.toString();
    }

    /** The matched route's id, for metrics and logs. */
    public static String routeId(ServerWebExchange exchange) {
        Route route = route(exchange);
        return route == null ? "none" : route.getId();
    }
}
