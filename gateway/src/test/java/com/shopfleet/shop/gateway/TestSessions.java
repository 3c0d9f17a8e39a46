package com.shopfleet.shop.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * Sessions written the way auth-service writes them (docs/identity-flow.md): Spring Session's own
 * {@link RedisSessionRepository} (namespace {@code spring:session}, 30 minutes) over a template whose
 * keys are strings and whose values are plain JSON from spring-data-redis'
 * {@link GenericJacksonJsonRedisSerializer} without type information (auth's
 * {@code springSessionDefaultRedisSerializer}), the contract's attributes as JSON strings. What the
 * gateway reads from here it would read from auth-service.
 */
final class TestSessions {

    static final String NAMESPACE = "spring:session";

    private static TestSessions instance;

    final RedisTemplate<String, Object> template;
    final RedisSessionRepository repository;
    private final SessionRepository<Session> sessions;

    private TestSessions(int port) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
        template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.setDefaultSerializer(new GenericJacksonJsonRedisSerializer(JsonMapper.builder().build()));
        template.afterPropertiesSet();
        repository = new RedisSessionRepository(template);
        repository.setRedisKeyNamespace(NAMESPACE);
        repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
        sessions = asGeneric(repository);
    }

    /** The repository through its public interface (its session type is package-private). */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static SessionRepository<Session> asGeneric(RedisSessionRepository repository) {
        return (SessionRepository) repository;
    }

    /** The session as Spring Session itself loads it (what auth-service would see), or {@code null}. */
    Session find(String sessionId) {
        return sessions.findById(sessionId);
    }

    static synchronized TestSessions get() {
        if (instance == null) {
            instance = new TestSessions(TestRedis.port());
        }
        return instance;
    }

    /** A signed-in session as auth-service creates it at login; returns its id. */
    String signIn(long userId, Role role, String name, String locale, Instant authTime) {
        Session session = sessions.createSession();
        session.setAttribute("shop.userId", Long.toString(userId));
        session.setAttribute("shop.role", role.name());
        session.setAttribute("shop.name", name);
        session.setAttribute("shop.locale", locale);
        session.setAttribute("shop.authTime", Long.toString(authTime.toEpochMilli()));
        sessions.save(session);
        return session.getId();
    }

    String signIn(long userId, Role role) {
        return signIn(userId, role, "김민수", "ko", Instant.now().minusSeconds(60));
    }

    /** The {@code SESSION} cookie's value for a session id (Spring Session's DefaultCookieSerializer: base64). */
    static String cookie(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
    }

    static String key(String sessionId) {
        return NAMESPACE + ":sessions:" + sessionId;
    }

    /** Makes the session look idle since {@code ago} without touching its key's TTL. */
    void idleSince(String sessionId, Duration ago) {
        template.opsForHash().put(key(sessionId), "lastAccessedTime", Instant.now().minus(ago).toEpochMilli());
    }

    /** The raw bytes auth-service's serializer stored for one hash field, as text. */
    String raw(String sessionId, String field) {
        byte[] value = template.execute(connection -> connection.hashCommands()
                .hGet(key(sessionId).getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8)), true);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
