package com.shopfleet.shop.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.TestRedis;

/** The session script on a real redis-server, for hashes auth-service would not normally leave behind. */
class SessionStoreTests {

    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    private final SessionStore store = new SessionStore(redis, JsonMapper.builder().build(), "test:session",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void close() {
        connections.destroy();
    }

    @Test
    void aHashWithoutSpringSessionsFieldsIsNoSessionAndStaysUntouched() {
        redis.opsForHash().putAll("test:session:sessions:partial-0001", Map.of("sessionAttr:shop.userId", "\"42\"")).block();

        assertThat(store.touch("partial-0001", "203.0.113.1").blockOptional()).isEmpty();
        assertThat(redis.opsForHash().hasKey("test:session:sessions:partial-0001", "lastAccessedTime").block()).isFalse();
    }

    @Test
    void aSessionThatNeverExpiresIsSlidWithoutATtl() {
        redis.opsForHash().putAll("test:session:sessions:forever-0001", Map.of("lastAccessedTime", "1000",
                "creationTime", "1000", "maxInactiveInterval", "-1", "sessionAttr:shop.userId", "\"7\"",
                "sessionAttr:shop.role", "\"USER\"")).block();

        SessionStore.LiveSession live = store.touch("forever-0001", "203.0.113.1").block();

        assertThat(live.identity().userId()).isEqualTo(7L);
        assertThat(redis.opsForHash().get("test:session:sessions:forever-0001", "lastAccessedTime").block())
                .isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(redis.execute(connection -> connection.keyCommands()
                .ttl(ByteBuffer.wrap("test:session:sessions:forever-0001".getBytes(StandardCharsets.UTF_8)))).blockFirst())
                .as("no TTL").isEqualTo(-1L);
    }

    @Test
    void attributesThatBreakTheContractMeanNoUser() {
        redis.opsForHash().putAll("test:session:sessions:broken-0001", Map.of("lastAccessedTime", Long.toString(NOW.toEpochMilli()),
                "creationTime", "1000", "maxInactiveInterval", "1800", "sessionAttr:shop.userId", "\"42\"",
                "sessionAttr:shop.role", "\"OWNER\"")).block();

        SessionStore.LiveSession live = store.touch("broken-0001", "203.0.113.1").block();

        assertThat(live).isNotNull();
        assertThat(live.identity()).isNull();
    }

    @Test
    void aSignedInSessionSpendsItsUsersBudgetInTheSameScriptOnTheRateLimitersKeys() {
        String user = Long.toString(System.nanoTime() % 1_000_000_000L);
        redis.opsForHash().putAll("test:session:sessions:budget-0001", Map.of("lastAccessedTime", Long.toString(NOW.toEpochMilli()),
                "creationTime", "1000", "maxInactiveInterval", "1800", "sessionAttr:shop.userId", "\"" + user + "\"",
                "sessionAttr:shop.role", "\"USER\"")).block();
        SessionBudget.Budget budget = new SessionBudget.Budget("entry", 1, 2, 1);

        SessionStore.LiveSession first = store.touch("budget-0001", "203.0.113.1", budget).block();
        assertThat(first.identity().userId()).isEqualTo(Long.parseLong(user));
        assertThat(first.spent()).isEqualTo(new SessionBudget.Spent(budget, true, 1));
        // the bucket gains a token per second of Redis TIME (whole seconds): a second boundary between two
        // calls gives one more, so spend until refused
        List<SessionBudget.Spent> then = new ArrayList<>();
        while (then.size() < 4 && (then.isEmpty() || then.getLast().allowed())) {
            then.add(store.touch("budget-0001", "203.0.113.1", budget).block().spent());
        }
        assertThat(then.getFirst().allowed()).isTrue();
        assertThat(then.getLast().allowed()).isFalse();
        assertThat(then).as("the last token, at most one refill, then refused").hasSizeLessThanOrEqualTo(3);
        assertThat(redis.opsForValue().get("request_rate_limiter.{entry.user:" + user + "}.tokens").block()).isEqualTo("0");
        assertThat(store.touch("budget-0001", "203.0.113.1").block().spent()).as("no budget asked").isNull();
    }

    @Test
    void aSessionWithoutAUserSpendsNoBudget() {
        redis.opsForHash().putAll("test:session:sessions:anonymous-0001", Map.of("lastAccessedTime",
                Long.toString(NOW.toEpochMilli()), "creationTime", "1000", "maxInactiveInterval", "1800")).block();

        SessionStore.LiveSession live = store.touch("anonymous-0001", "203.0.113.1",
                new SessionBudget.Budget("entry", 1, 2, 1)).block();

        assertThat(live.identity()).isNull();
        assertThat(live.spent()).isNull();
    }

    @Test
    void onlyPlausibleSessionIdsAreLookedUp() {
        assertThat(SessionStore.sessionId("YWJj")).as("too short").isNull();
        assertThat(SessionStore.sessionId("KiBzY2FuICo=")).as("a pattern").isNull();
        assertThat(SessionStore.sessionId("MGMzZjBlMGUtOWI0Zi00ZjJjLWEzYWEtZjFjN2Y1ZjA1ZDJl"))
                .isEqualTo("0c3f0e0e-9b4f-4f2c-a3aa-f1c7f5f05d2e");
    }

    @Test
    void anUnreachableRedisIsADataAccessFailureNotAMissingSession() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", deadPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        dead.afterPropertiesSet();
        dead.start();
        try {
            SessionStore unreachable = new SessionStore(new ReactiveStringRedisTemplate(dead), JsonMapper.builder().build(),
                    "test:session", Clock.systemUTC());
            assertThatExceptionOfType(DataAccessException.class)
                    .isThrownBy(() -> unreachable.touch("0c3f0e0e-9b4f-4f2c", "203.0.113.1").block(Duration.ofSeconds(5)));
        }
        finally {
            dead.destroy();
        }
    }
}
