package com.shopfleet.shop.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ErrorTranslator;

/** The gateway-owned pieces the routes in {@code application.yml} refer to. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouterFunction<ServerResponse> unavailableFallback(ErrorTranslator translator) {
        return RouterFunctions.route(RequestPredicates.path(UnavailableFallback.PATH), new UnavailableFallback(translator));
    }

    @Bean
    IdempotentRetryGatewayFilterFactory idempotentRetryGatewayFilterFactory() {
        return new IdempotentRetryGatewayFilterFactory();
    }

    @Bean
    OpenApiDocsGatewayFilterFactory openApiDocsGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
            JsonMapper jsonMapper) {
        return new OpenApiDocsGatewayFilterFactory(modifyResponseBody, jsonMapper);
    }
}
