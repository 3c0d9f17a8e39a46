package com.shopfleet.shop.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.support.autoconfigure.WebSupportProperties;
import com.shopfleet.shop.support.error.ErrorTranslator;

/**
 * What every request meets before any route, in this order (after the trace id, which is first):
 * security headers are registered, ambiguous paths refused, client-sent identity dropped, the
 * client's address decided, CORS decided, the body size capped.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    SecurityHeadersWebFilter securityHeadersWebFilter(GatewayProperties properties) {
        return new SecurityHeadersWebFilter(properties.securityHeaders());
    }

    @Bean
    PathGuardWebFilter pathGuardWebFilter(ErrorTranslator translator, JsonMapper jsonMapper) {
        return new PathGuardWebFilter(translator, jsonMapper);
    }

    @Bean
    ClientIdentityStrippingWebFilter clientIdentityStrippingWebFilter() {
        return new ClientIdentityStrippingWebFilter();
    }

    @Bean
    ClientAddressWebFilter clientAddressWebFilter(
            @Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        return new ClientAddressWebFilter(trustedProxies);
    }

    @Bean
    CrossOriginWebFilter crossOriginWebFilter(GatewayProperties properties, ErrorTranslator translator,
            JsonMapper jsonMapper) {
        return new CrossOriginWebFilter(properties.cors(), translator, jsonMapper);
    }

    @Bean
    RequestBodyLimitWebFilter requestBodyLimitWebFilter(WebSupportProperties web, ErrorTranslator translator,
            JsonMapper jsonMapper) {
        return new RequestBodyLimitWebFilter(web.maxBodySize(), translator, jsonMapper);
    }
}
