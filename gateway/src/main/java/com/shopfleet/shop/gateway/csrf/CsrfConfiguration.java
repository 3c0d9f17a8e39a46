package com.shopfleet.shop.gateway.csrf;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.support.error.ErrorTranslator;

/** The double-submit CSRF token: issued on every response lacking it, checked on every routed unsafe request. */
@Configuration(proxyBeanMethods = false)
class CsrfConfiguration {

    @Bean
    CsrfCookieWebFilter csrfCookieWebFilter(GatewayProperties properties) {
        return new CsrfCookieWebFilter(properties.identity().secureCookies());
    }

    @Bean
    CsrfFilter csrfFilter(ErrorTranslator translator, JsonMapper jsonMapper, MeterRegistry meters) {
        return new CsrfFilter(translator, jsonMapper, meters);
    }
}
