package com.shopfleet.shop.gateway.identity;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.gateway.GatewayProperties;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.identity.IdentityTokens;

/** Sessions, remember-me, access rules and the identity token on every API route. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    SessionStore sessionStore(ReactiveStringRedisTemplate redis, JsonMapper jsonMapper, GatewayProperties properties) {
        return new SessionStore(redis, jsonMapper, properties.identity().sessionNamespace(), Clock.systemUTC());
    }

    @Bean
    RememberMeClient rememberMeClient(IdentityTokens tokens, JsonMapper jsonMapper, GatewayProperties properties) {
        GatewayProperties.Identity identity = properties.identity();
        return new RememberMeClient(WebClient.builder(), properties.services().auth().uri(), tokens, jsonMapper,
                identity.rememberMeTimeout(), identity.rememberMeReuse());
    }

    @Bean
    SessionIdentityFilter sessionIdentityFilter(SessionStore sessions, RememberMeClient rememberMe,
            GatewayProperties properties, ObjectProvider<SessionBudget> budgets) {
        return new SessionIdentityFilter(sessions, rememberMe, properties.identity().secureCookies(),
                budgets.getIfAvailable());
    }

    @Bean
    AccessFilter accessFilter(IdentityTokens tokens, ErrorTranslator translator, JsonMapper jsonMapper,
            GatewayProperties properties) {
        return new AccessFilter(new AccessPolicy(properties.access().publicPaths()), tokens,
                properties.identity().tokenReuse(), translator, jsonMapper);
    }
}
