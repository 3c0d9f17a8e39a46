package com.shopfleet.shop.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.IdentityTokens;

class SessionIdentityFilterTests {

    @Test
    void aSessionThatCannotBeReadIsA503NotASilentSignOut() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", deadPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        dead.afterPropertiesSet();
        dead.start();
        try {
            JsonMapper json = JsonMapper.builder().build();
            IdentityTokens tokens = new IdentityTokens(IdentityTokens.randomKey(), Duration.ofSeconds(60), Duration.ZERO,
                    Clock.systemUTC());
            SessionIdentityFilter filter = new SessionIdentityFilter(
                    new SessionStore(new ReactiveStringRedisTemplate(dead), json, "spring:session", Clock.systemUTC()),
                    new RememberMeClient(WebClient.builder(), URI.create("http://127.0.0.1:" + deadPort), tokens, json,
                            Duration.ofSeconds(1), Duration.ZERO),
                    false);
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cart")
                    .cookie(new org.springframework.http.HttpCookie("SESSION", "MGMzZjBlMGUtOWI0Zi00ZjJjLWEzYWEtZjFjN2Y1ZjA1ZDJl")));
            exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, Route.async().id("order").uri("http://order")
                    .predicate(any -> true).metadata(ApiRoutes.AUDIENCE, "order-service").build());

            assertThatExceptionOfType(ShopException.class)
                    .isThrownBy(() -> filter.filter(exchange, passedOn -> Mono.empty()).block(Duration.ofSeconds(5)))
                    .satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
            assertThat(Caller.of(exchange)).isNull();
        }
        finally {
            dead.destroy();
        }
    }
}
