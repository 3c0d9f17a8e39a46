package com.shopfleet.shop.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.contracts.identity.Role;

/**
 * The sessions auth-service owns (docs/identity-flow.md): created only here, explicitly, with a
 * fresh id each time (a login never adopts an id the client brought, so there is no fixation); kept
 * by Spring Session's Redis repository as the hash {@code spring:session:sessions:<id>} with the
 * contract's plain attributes; indexed per user in {@code shop:auth:user-sessions:<userId>} so all of
 * a user's sessions can be listed, ended or rewritten at once.
 */
@Component
public class UserSessions {

    public static final String USER_ID = "shop.userId";
    public static final String ROLE = "shop.role";
    public static final String NAME = "shop.name";
    public static final String LOCALE = "shop.locale";
    public static final String AUTH_TIME = "shop.authTime";

    /** auth-service's own attributes: nobody else reads them. */
    static final String CLIENT_IP = "shop.clientIp";
    static final String USER_AGENT = "shop.userAgent";
    static final String REMEMBER_ME_SERIES = "shop.rememberMeSeries";

    static final String INDEX_PREFIX = "shop:auth:user-sessions:";

    /** HSETs the given field/value pairs only if the session still exists: never resurrects one. */
    private static final RedisScript<Long> SET_IF_EXISTS = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              for i = 1, #ARGV, 2 do
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
              return 1
            end
            return 0
            """, Long.class);

    private final SessionRepository<Session> repository;
    private final StringRedisTemplate redis;
    private final CookieSerializer cookies;
    private final PlainJsonRedisSerializer json;
    private final SessionProperties properties;
    private final String sessionKeyPrefix;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    UserSessions(SessionRepository<? extends Session> repository, StringRedisTemplate redis, CookieSerializer cookies,
            PlainJsonRedisSerializer sessionValueSerializer, SessionProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = (SessionRepository<Session>) repository;
        this.redis = redis;
        this.cookies = cookies;
        this.json = sessionValueSerializer;
        this.properties = properties;
        this.sessionKeyPrefix = SessionConfiguration.NAMESPACE + ":sessions:";
        this.events = events;
        this.clock = clock;
    }

    /** Starts a new session for {@code owner}; {@code rememberMeSeries} (nullable) ends with it at logout. */
    public StartedSession start(SessionOwner owner, ClientDevice device, String rememberMeSeries) {
        Instant now = clock.instant();
        Session session = repository.createSession();
        session.setMaxInactiveInterval(properties.timeout());
        session.setAttribute(USER_ID, Long.toString(owner.userId()));
        session.setAttribute(ROLE, owner.role().name());
        session.setAttribute(NAME, owner.name());
        session.setAttribute(LOCALE, owner.locale());
        session.setAttribute(AUTH_TIME, Long.toString(now.toEpochMilli()));
        if (device.clientIp() != null) {
            session.setAttribute(CLIENT_IP, device.clientIp());
        }
        if (device.userAgent() != null) {
            session.setAttribute(USER_AGENT, device.userAgent());
        }
        if (rememberMeSeries != null) {
            session.setAttribute(REMEMBER_ME_SERIES, rememberMeSeries);
        }
        repository.save(session);
        redis.opsForSet().add(indexKey(owner.userId()), session.getId());
        return new StartedSession(session.getId(), cookieValue(session.getId()), now);
    }

    public Optional<ActiveSession> find(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        Session session = repository.findById(sessionId);
        return Optional.ofNullable(session).flatMap(UserSessions::toActive);
    }

    /** The user's live sessions, most recently seen first; ids of sessions that are gone leave the index. */
    public List<ActiveSession> list(long userId) {
        String index = indexKey(userId);
        Set<String> ids = redis.opsForSet().members(index);
        List<ActiveSession> live = new ArrayList<>();
        if (ids == null) {
            return live;
        }
        for (String id : ids) {
            Optional<ActiveSession> session = find(id).filter(found -> found.userId() == userId);
            if (session.isPresent()) {
                live.add(session.get());
            }
            else {
                redis.opsForSet().remove(index, id);
            }
        }
        live.sort(Comparator.comparing(ActiveSession::lastSeenAt).reversed());
        return live;
    }

    /** Ends one session (its hash and its index entry) at once; {@link SessionEnded} follows. */
    public void end(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        Optional<ActiveSession> session = find(sessionId);
        repository.deleteById(sessionId);
        session.ifPresent(ended -> {
            redis.opsForSet().remove(indexKey(ended.userId()), sessionId);
            events.publishEvent(new SessionEnded(ended));
        });
    }

    /** Ends every session of the user; returns what they were (e.g. to revoke their remember-me series). */
    public List<ActiveSession> endAll(long userId) {
        return endAllExcept(userId, null);
    }

    /** Ends every session of the user but {@code keepSessionId} (nullable). */
    public List<ActiveSession> endAllExcept(long userId, String keepSessionId) {
        String index = indexKey(userId);
        Set<String> ids = redis.opsForSet().members(index);
        List<ActiveSession> ended = new ArrayList<>();
        if (ids == null) {
            return ended;
        }
        for (String id : ids) {
            if (id.equals(keepSessionId)) {
                continue;
            }
            find(id).filter(session -> session.userId() == userId).ifPresent(ended::add);
            repository.deleteById(id);
            redis.opsForSet().remove(index, id);
        }
        ended.forEach(session -> events.publishEvent(new SessionEnded(session)));
        return ended;
    }

    /** Rewrites the owner attributes in every live session of the user (role change, new name or locale). */
    public void rewrite(long userId, Role role, String name, String locale) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (role != null) {
            attributes.put(ROLE, role.name());
        }
        if (name != null) {
            attributes.put(NAME, name);
        }
        if (locale != null) {
            attributes.put(LOCALE, locale);
        }
        if (attributes.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>();
        attributes.forEach((attribute, value) -> {
            args.add(LenientSessionMapper.ATTRIBUTE_PREFIX + attribute);
            args.add(json.toJson(value));
        });
        String index = indexKey(userId);
        Set<String> ids = redis.opsForSet().members(index);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            Long updated = redis.execute(SET_IF_EXISTS, List.of(sessionKeyPrefix + id), args.toArray());
            if (updated == null || updated == 0) {
                redis.opsForSet().remove(index, id);
            }
        }
    }

    /** The session ids the request's {@code SESSION} cookie(s) name. */
    public List<String> idsFromCookie(HttpServletRequest request) {
        return cookies.readCookieValues(request);
    }

    public void writeCookie(HttpServletRequest request, HttpServletResponse response, StartedSession session) {
        cookies.writeCookieValue(new CookieValue(request, response, session.id()));
    }

    public void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        cookies.writeCookieValue(new CookieValue(request, response, ""));
    }

    /** The public name of a session: unguessable, and useless as a cookie. */
    public static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("shop-session-handle:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The {@code SESSION} cookie value for a session id: base64, as Spring Session's DefaultCookieSerializer writes it. */
    public static String cookieValue(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
    }

    private static String indexKey(long userId) {
        return INDEX_PREFIX + userId;
    }

    private static Optional<ActiveSession> toActive(Session session) {
        Object userId = session.getAttribute(USER_ID);
        if (userId == null) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(userId.toString());
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
        return Optional.of(new ActiveSession(session.getId(), handle(session.getId()), id, text(session, CLIENT_IP),
                text(session, USER_AGENT), session.getCreationTime(), session.getLastAccessedTime(),
                text(session, REMEMBER_ME_SERIES)));
    }

    private static String text(Session session, String attribute) {
        Object value = session.getAttribute(attribute);
        return value == null ? null : value.toString();
    }
}
