package com.shopfleet.shop.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * auth-service's sessions as the gateway sees them (docs/identity-flow.md): the Spring Session hash
 * {@code <namespace>:sessions:<id>} with plain JSON values. Finding a session and sliding its expiry
 * is one Lua script, so it is one round trip and atomic: the hash is read; missing, or idle for
 * longer than {@code maxInactiveInterval}, it is no session; otherwise {@code lastAccessedTime} is
 * set to now (a JSON number, as Spring Session writes it) and the key's TTL to
 * {@code maxInactiveInterval}. Atomic matters: a logout deleting the hash between a separate read and
 * write would leave a stray hash holding only {@code lastAccessedTime}, which Spring Session cannot
 * load. The gateway never needs auth-service's classes, only the contract's attribute names.
 */
public class SessionStore {

    static final String USER_ID = "sessionAttr:shop.userId";
    static final String ROLE = "sessionAttr:shop.role";
    static final String NAME = "sessionAttr:shop.name";
    static final String LOCALE = "sessionAttr:shop.locale";
    static final String AUTH_TIME = "sessionAttr:shop.authTime";
    static final String LAST_ACCESSED_TIME = "lastAccessedTime";
    static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    /** Spring Session's ids are UUIDs; anything far from that is not looked up at all. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FIND_AND_TOUCH = RedisScript.of("""
            local fields = redis.call('HGETALL', KEYS[1])
            if #fields == 0 then
              return fields
            end
            local last, max
            for i = 1, #fields, 2 do
              if fields[i] == 'lastAccessedTime' then
                last = tonumber(fields[i + 1])
              elseif fields[i] == 'maxInactiveInterval' then
                max = tonumber(fields[i + 1])
              end
            end
            local now = tonumber(ARGV[1])
            if last == nil or max == nil or (max >= 0 and now - last > max * 1000) then
              return {}
            end
            if now > last then
              redis.call('HSET', KEYS[1], 'lastAccessedTime', ARGV[1])
            end
            if max >= 0 then
              redis.call('PEXPIRE', KEYS[1], max * 1000)
            end
            return fields
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final String keyPrefix;
    private final Clock clock;

    public SessionStore(ReactiveStringRedisTemplate redis, JsonMapper json, String namespace, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.keyPrefix = namespace.trim() + ":sessions:";
        this.clock = clock;
    }

    /** The session id in a {@code SESSION} cookie (base64 of the id, as Spring Session writes it), or {@code null}. */
    static String sessionId(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return null;
        }
        try {
            String id = new String(Base64.getDecoder().decode(cookieValue.trim()), StandardCharsets.UTF_8);
            return SESSION_ID.matcher(id).matches() ? id : null;
        }
        catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * The live session {@code sessionId}, its expiry slid; empty when there is none. A session
     * without a user, or whose user attributes do not make sense, is one without a user (the
     * identity is {@code null}).
     */
    public Mono<LiveSession> touch(String sessionId, String clientIp) {
        String now = Long.toString(clock.millis());
        return redis.execute(FIND_AND_TOUCH, List.of(keyPrefix + sessionId), List.of(now))
                .next()
                .filter(fields -> !fields.isEmpty())
                .map(fields -> new LiveSession(sessionId, identity(sessionId, toMap(fields), clientIp)));
    }

    private static Map<String, String> toMap(List<?> fields) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            map.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
        }
        return map;
    }

    private ShopIdentity identity(String sessionId, Map<String, String> fields, String clientIp) {
        String userId = scalar(fields.get(USER_ID));
        if (userId == null) {
            return null;
        }
        try {
            String authTime = scalar(fields.get(AUTH_TIME));
            String locale = scalar(fields.get(LOCALE));
            return new ShopIdentity(Long.parseLong(userId), Role.valueOf(scalar(fields.get(ROLE))),
                    scalar(fields.get(NAME)), locale == null ? null : Locale.forLanguageTag(locale), clientIp, sessionId,
                    authTime == null ? null : Instant.ofEpochMilli(Long.parseLong(authTime)));
        }
        catch (IllegalArgumentException | NullPointerException unreadable) {
            log.warn("Session attributes that break the contract (docs/identity-flow.md), taken as no user: {}",
                    unreadable.toString());
            return null;
        }
    }

    /** A plain JSON scalar's text ({@code "42"} or {@code 42} both give {@code 42}); {@code null} for anything else. */
    private String scalar(String jsonValue) {
        if (jsonValue == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(jsonValue);
            return node != null && (node.isString() || node.isNumber()) ? node.asString() : null;
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    /**
     * A live session.
     *
     * @param id its id
     * @param identity its user, or {@code null} when it has none
     */
    public record LiveSession(String id, ShopIdentity identity) {
    }
}
