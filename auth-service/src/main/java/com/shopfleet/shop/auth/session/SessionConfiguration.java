package com.shopfleet.shop.auth.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Spring Session Data Redis as docs/identity-flow.md fixes it, wired by hand: the default
 * (non-indexed) {@link RedisSessionRepository} in the {@code spring:session} namespace with plain JSON
 * hash values, and the {@code SESSION} cookie as base64 of the id (HttpOnly, SameSite=Lax, Path=/,
 * Secure when configured).
 * <p>
 * Boot's session auto-configuration is excluded ({@code AuthApplication}): it would also install
 * Spring Session's {@code SessionRepositoryFilter}, which loads and re-saves the cookie's session on
 * every request (Spring Security's anonymous filter asks for the session) — work that is the
 * gateway's here, and that fails a request whose session auth-service itself has just ended. Sessions
 * are created, read and ended only explicitly, by {@link UserSessions}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SessionProperties.class, CookieProperties.class })
class SessionConfiguration {

    static final String NAMESPACE = "spring:session";
    static final String COOKIE_NAME = "SESSION";

    @Bean
    PlainJsonRedisSerializer sessionValueSerializer() {
        return new PlainJsonRedisSerializer();
    }

    @Bean
    RedisSessionRepository sessionRepository(RedisConnectionFactory connections, PlainJsonRedisSerializer values,
            SessionProperties properties) {
        RedisTemplate<String, Object> redis = new RedisTemplate<>();
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setHashKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(values);
        redis.setHashValueSerializer(values);
        redis.afterPropertiesSet();
        RedisSessionRepository repository = new RedisSessionRepository(redis);
        repository.setRedisKeyNamespace(NAMESPACE);
        repository.setDefaultMaxInactiveInterval(properties.timeout());
        repository.setRedisSessionMapper(new LenientSessionMapper());
        return repository;
    }

    @Bean
    CookieSerializer sessionCookieSerializer(CookieProperties cookie) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(cookie.secure());
        serializer.setUseBase64Encoding(true);
        return serializer;
    }
}
