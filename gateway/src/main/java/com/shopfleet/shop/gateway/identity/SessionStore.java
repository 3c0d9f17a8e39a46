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

    /**
     * KEYS[1] the session hash; ARGV[1] now (epoch millis); ARGV[2] the budget's user key prefix, or
     * empty for none; ARGV[3..5] replenish rate, burst capacity, requested tokens. Replies
     * {@code {budget, tokensLeft, field, value, ...}}: budget -1 not spent (no session, no user, no
     * budget), 1 allowed, 0 refused; no fields when there is no live session. The bucket is Spring Cloud
     * Gateway's {@code request_rate_limiter.lua} on the same keys (its time from Redis), for the user id
     * read from the hash: its keys are not declared, so the script needs a non-cluster Redis (as
     * Spring Session's keys, not hash-tagged, do anyway).
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FIND_TOUCH_AND_SPEND = RedisScript.of("""
            redis.replicate_commands()
            local fields = redis.call('HGETALL', KEYS[1])
            if #fields == 0 then
              return {-1, 0}
            end
            local last, max, user
            for i = 1, #fields, 2 do
              local name = fields[i]
              if name == 'lastAccessedTime' then
                last = tonumber(fields[i + 1])
              elseif name == 'maxInactiveInterval' then
                max = tonumber(fields[i + 1])
              elseif name == 'sessionAttr:shop.userId' then
                user = string.match(fields[i + 1], '^"?(%d+)"?$')
              end
            end
            local now = tonumber(ARGV[1])
            if last == nil or max == nil or (max >= 0 and now - last > max * 1000) then
              return {-1, 0}
            end
            if now > last then
              redis.call('HSET', KEYS[1], 'lastAccessedTime', ARGV[1])
            end
            if max >= 0 then
              redis.call('PEXPIRE', KEYS[1], max * 1000)
            end
            local spent, left = -1, 0
            if user ~= nil and ARGV[2] ~= '' then
              local tokens_key = ARGV[2] .. user .. '}.tokens'
              local timestamp_key = ARGV[2] .. user .. '}.timestamp'
              local rate = tonumber(ARGV[3])
              local capacity = tonumber(ARGV[4])
              local requested = tonumber(ARGV[5])
              local seconds = tonumber(redis.call('TIME')[1])
              local ttl = math.floor(capacity / rate * 2)
              local last_tokens = tonumber(redis.call('GET', tokens_key)) or capacity
              local last_refreshed = tonumber(redis.call('GET', timestamp_key)) or 0
              local filled = math.min(capacity, last_tokens + math.max(0, seconds - last_refreshed) * rate)
              local allowed = filled >= requested
              left = allowed and filled - requested or filled
              if ttl > 0 then
                redis.call('SETEX', tokens_key, ttl, left)
                redis.call('SETEX', timestamp_key, ttl, seconds)
              end
              spent = allowed and 1 or 0
            end
            local reply = {spent, left}
            for i = 1, #fields do
              reply[i + 2] = fields[i]
            end
            return reply
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
        return touch(sessionId, clientIp, null);
    }

    /**
     * {@link #touch(String, String)}, and when the session has a user and {@code budget} is given,
     * one request of that user's budget spent in the same script ({@link LiveSession#spent()}).
     */
    public Mono<LiveSession> touch(String sessionId, String clientIp, SessionBudget.Budget budget) {
        List<String> args = budget == null ? List.of(Long.toString(clock.millis()), "")
                : List.of(Long.toString(clock.millis()), budget.userKeyPrefix(), Long.toString(budget.replenishRate()),
                        Long.toString(budget.burstCapacity()), Long.toString(budget.requestedTokens()));
        return redis.execute(FIND_TOUCH_AND_SPEND, List.of(keyPrefix + sessionId), args)
                .next()
                .filter(reply -> reply.size() > 2)
                .map(reply -> {
                    ShopIdentity identity = identity(sessionId, toMap(reply), clientIp);
                    long spent = ((Number) reply.get(0)).longValue();
                    SessionBudget.Spent budgetSpent = identity == null || budget == null || spent < 0 ? null
                            : new SessionBudget.Spent(budget, spent == 1, ((Number) reply.get(1)).longValue());
                    return new LiveSession(sessionId, identity, budgetSpent);
                });
    }

    /** The hash's fields from the script's reply (after its two budget values). */
    private static Map<String, String> toMap(List<?> reply) {
        Map<String, String> map = new HashMap<>();
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            map.put(String.valueOf(reply.get(i)), String.valueOf(reply.get(i + 1)));
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
        int length = jsonValue.length();
        if (length >= 2 && jsonValue.charAt(0) == '"' && jsonValue.charAt(length - 1) == '"'
                && jsonValue.indexOf('\\') < 0 && jsonValue.indexOf('"', 1) == length - 1) {
            return jsonValue.substring(1, length - 1); // a plain JSON string, the usual case: no parser needed
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
     * @param spent the user's request budget spent with the lookup, or {@code null} when none was
     */
    public record LiveSession(String id, ShopIdentity identity, SessionBudget.Spent spent) {
    }
}
