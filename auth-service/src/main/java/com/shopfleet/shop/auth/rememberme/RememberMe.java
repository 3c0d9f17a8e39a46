package com.shopfleet.shop.auth.rememberme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.auth.session.ClientDevice;
import com.shopfleet.shop.auth.session.SessionEnded;
import com.shopfleet.shop.auth.session.SessionOwner;
import com.shopfleet.shop.auth.session.StartedSession;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * Remember-me (ARCHITECTURE §3): a series and a token in the {@code REMEMBER_ME} cookie
 * ({@code <series>.<token>}), only a SHA-256 of the token stored, the token replaced on every use.
 * A token that was already replaced and comes back is taken for theft: every token and session of
 * that user ends. Within {@link RememberMeProperties#rotationGrace()} of a rotation, the replaced
 * token gets the same answer as the request that rotated it (parallel requests of one page).
 */
@Service
public class RememberMe {

    private static final Logger log = LoggerFactory.getLogger(RememberMe.class);

    private static final String GRACE_PREFIX = "shop:auth:remember-me:grace:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_COOKIE_LENGTH = 200;

    private final RememberMeTokenRepository tokens;
    private final Accounts accounts;
    private final UserSessions sessions;
    private final StringRedisTemplate redis;
    private final RememberMeProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    RememberMe(RememberMeTokenRepository tokens, Accounts accounts, UserSessions sessions, StringRedisTemplate redis,
            RememberMeProperties properties, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.sessions = sessions;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new series for the user (login with remember-me). */
    public Issued issue(long userId, String userAgent) {
        String series = random();
        String token = random();
        Instant now = clock.instant();
        tokens.save(new RememberMeToken(series, userId, sha256(token), truncate(userAgent), now,
                now.plus(properties.validity())));
        return new Issued(series, series + "." + token, properties.validity().toSeconds());
    }

    /** A new series: its name (bound to the session it logs in) and the cookie value. */
    public record Issued(String series, String cookieValue, long maxAgeSeconds) {

        @Override
        public String toString() {
            return "Issued[(hidden)]";
        }
    }

    /**
     * A new session and a rotated cookie for a valid cookie; empty for an unknown, expired, revoked or
     * stolen one (theft also ends every token and session of its user).
     */
    public Optional<Exchanged> exchange(String cookieValue, ClientDevice device) {
        Presented presented = Presented.parse(cookieValue);
        if (presented == null) {
            return Optional.empty();
        }
        Optional<Exchanged> racing = answeredWithinGrace(presented);
        if (racing.isPresent()) {
            return racing;
        }
        RememberMeToken stored = tokens.findById(presented.series()).orElse(null);
        if (stored == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(stored.expiresAt())) {
            tokens.deleteBySeries(stored.series());
            return Optional.empty();
        }
        User user = accounts.findActive(stored.userId()).orElse(null);
        if (user == null) {
            tokens.deleteByUser(stored.userId());
            return Optional.empty();
        }
        String newToken = random();
        int rotated = tokens.rotate(presented.series(), presented.hash(), sha256(newToken), now,
                now.plus(properties.validity()));
        if (rotated == 1) {
            SessionOwner owner = new SessionOwner(user.id(), user.role(), user.name(), user.locale());
            StartedSession session = sessions.start(owner, device, presented.series());
            Exchanged exchanged = new Exchanged(session, presented.series() + "." + newToken,
                    properties.validity().toSeconds(), owner);
            remember(presented, exchanged);
            return Optional.of(exchanged);
        }
        RememberMeToken current = tokens.findById(presented.series()).orElse(null);
        if (current != null && presented.hash().equals(current.previousTokenHash()) && current.rotatedAt() != null
                && now.isBefore(current.rotatedAt().plus(properties.rotationGrace()))) {
            return awaitAnswer(presented);
        }
        log.warn("A replaced remember-me token of user {} came back: revoking all of their tokens and sessions",
                stored.userId());
        revokeAll(stored.userId());
        sessions.endAll(stored.userId());
        return Optional.empty();
    }

    /** Logout: the series of the cookie ends, if the cookie is genuine (current or just replaced token). */
    public void revokeCookie(String cookieValue) {
        Presented presented = Presented.parse(cookieValue);
        if (presented == null) {
            return;
        }
        tokens.findById(presented.series())
                .filter(stored -> presented.hash().equals(stored.tokenHash())
                        || presented.hash().equals(stored.previousTokenHash()))
                .ifPresent(stored -> tokens.deleteBySeries(stored.series()));
    }

    public void revoke(String series) {
        if (series != null) {
            tokens.deleteBySeries(series);
        }
    }

    public void revokeAll(long userId) {
        tokens.deleteByUser(userId);
    }

    /** Every series of the user but {@code keepSeries} (nullable: then all). */
    public void revokeAllExcept(long userId, String keepSeries) {
        if (keepSeries == null) {
            tokens.deleteByUser(userId);
        }
        else {
            tokens.deleteByUserExcept(userId, keepSeries);
        }
    }

    /** Whatever ends a session ends the series that logged it in. */
    @EventListener
    void on(SessionEnded ended) {
        revoke(ended.session().rememberMeSeries());
    }

    int deleteExpired() {
        return tokens.deleteExpired(clock.instant());
    }

    private void remember(Presented presented, Exchanged exchanged) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sessionId", exchanged.session().id());
        answer.put("authTime", exchanged.session().authTime().toEpochMilli());
        answer.put("cookie", exchanged.rememberMeCookie());
        answer.put("userId", exchanged.owner().userId());
        answer.put("role", exchanged.owner().role().name());
        answer.put("name", exchanged.owner().name());
        answer.put("locale", exchanged.owner().locale());
        redis.opsForValue().set(graceKey(presented), json.writeValueAsString(answer), properties.rotationGrace());
    }

    private Optional<Exchanged> answeredWithinGrace(Presented presented) {
        String stored = redis.opsForValue().get(graceKey(presented));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode answer = json.readTree(stored);
            String sessionId = answer.get("sessionId").asString();
            if (sessions.find(sessionId).isEmpty()) {
                return Optional.empty();
            }
            SessionOwner owner = new SessionOwner(answer.get("userId").asLong(), Role.valueOf(answer.get("role").asString()),
                    answer.get("name").asString(), answer.get("locale").asString());
            StartedSession session = new StartedSession(sessionId, UserSessions.cookieValue(sessionId),
                    Instant.ofEpochMilli(answer.get("authTime").asLong()));
            return Optional.of(new Exchanged(session, answer.get("cookie").asString(), properties.validity().toSeconds(),
                    owner));
        }
        catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The request that won the race is committing its answer: wait for it briefly. */
    private Optional<Exchanged> awaitAnswer(Presented presented) {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(2));
        while (clock.instant().isBefore(deadline)) {
            Optional<Exchanged> answer = answeredWithinGrace(presented);
            if (answer.isPresent()) {
                return answer;
            }
            try {
                Thread.sleep(25);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private static String graceKey(Presented presented) {
        return GRACE_PREFIX + presented.series() + ":" + presented.hash();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= 255 ? userAgent : userAgent.substring(0, 255);
    }

    /** A cookie value split into its series and the hash of its token. */
    private record Presented(String series, String hash) {

        static Presented parse(String cookieValue) {
            if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH) {
                return null;
            }
            int dot = cookieValue.indexOf('.');
            if (dot != 43 || cookieValue.length() != 87 || cookieValue.indexOf('.', dot + 1) >= 0) {
                return null;
            }
            String series = cookieValue.substring(0, dot);
            String token = cookieValue.substring(dot + 1);
            if (!series.matches("[A-Za-z0-9_-]{43}") || !token.matches("[A-Za-z0-9_-]{43}")) {
                return null;
            }
            return new Presented(series, sha256(token));
        }
    }
}
