package com.shopfleet.shop.gateway.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.support.identity.IdentityTokens;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * The remember-me exchange with auth-service (docs/identity-flow.md): {@code POST
 * /internal/remember-me/exchange} with an anonymous identity token for {@code auth-service} and
 * {@code {token, userAgent}} (the user agent cut to 512 characters). 200 grants a new session and a
 * rotated token; 401 refuses the token (invalid, expired or stolen), and so does 400 (a cookie value
 * auth-service cannot even read will never work, so it is cleared rather than presented again);
 * anything else — a timeout, a refused connection, a 5xx — is a failure that leaves the cookies
 * alone, so a passing outage does not sign anyone out.
 * <p>
 * A page that loads with an expired session fires several requests at once, all carrying the same
 * {@code REMEMBER_ME}; presenting that token twice would look like theft to auth-service (a stale
 * token revokes them all). So concurrent and closely following exchanges of the same token from the
 * same client address and user agent share one call and its outcome for {@code reuse}. Failures are
 * not kept.
 */
public class RememberMeClient {

    public static final String PATH = "/internal/remember-me/exchange";
    static final String AUDIENCE = "auth-service";

    private static final Logger log = LoggerFactory.getLogger(RememberMeClient.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_USER_AGENT = 512;

    private final WebClient http;
    private final IdentityTokens tokens;
    private final JsonMapper json;
    private final Duration timeout;
    private final long reuseNanos;
    private final Map<String, Shared> outcomes = new ConcurrentHashMap<>();

    public RememberMeClient(WebClient.Builder builder, URI authUri, IdentityTokens tokens, JsonMapper json,
            Duration timeout, Duration reuse) {
        HttpClient client = HttpClient.create()
                .responseTimeout(timeout)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        this.http = builder.baseUrl(authUri.toString()).clientConnector(new ReactorClientHttpConnector(client)).build();
        this.tokens = tokens;
        this.json = json;
        this.timeout = timeout;
        this.reuseNanos = reuse.toNanos();
    }

    /** What came of presenting {@code token}; never an error. */
    public Mono<Outcome> exchange(String token, String userAgent, String clientIp, Locale locale) {
        String key = key(token, userAgent, clientIp);
        long now = System.nanoTime();
        if (outcomes.size() >= MAX_REMEMBERED) {
            outcomes.values().removeIf(shared -> shared.expired(now));
        }
        if (reuseNanos == 0 || outcomes.size() >= MAX_REMEMBERED) {
            return call(token, userAgent, clientIp, locale);
        }
        Shared shared = outcomes.compute(key, (k, existing) -> existing != null && !existing.expired(now) ? existing
                : new Shared(call(token, userAgent, clientIp, locale).cache(), now + reuseNanos));
        return shared.outcome().doOnNext(outcome -> {
            if (outcome instanceof Failed) {
                outcomes.remove(key, shared);
            }
        });
    }

    private Mono<Outcome> call(String token, String userAgent, String clientIp, Locale locale) {
        return http.post()
                .uri(PATH)
                .header(IdentityToken.HEADER, tokens.mintAnonymous(clientIp, locale, AUDIENCE))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "userAgent", userAgent == null ? ""
                        : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT))))
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.OK.value()) {
                        return response.bodyToMono(String.class).map(body -> granted(body, clientIp));
                    }
                    int status = response.statusCode().value();
                    if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.BAD_REQUEST.value()) {
                        return response.releaseBody().thenReturn((Outcome) new Refused());
                    }
                    return response.releaseBody().thenReturn((Outcome) new Failed("status " + response.statusCode().value()));
                })
                .timeout(timeout)
                .onErrorResume(ex -> Mono.just(new Failed(ex.toString())))
                // handle, not doOnNext: with context propagation "limited" (gateway application.yml) only handle
                // and tap restore the trace's MDC, so this warning keeps its [traceId]
                .handle((outcome, sink) -> {
                    if (outcome instanceof Failed failed) {
                        log.warn("Remember-me exchange with auth-service failed, going on anonymously: {}", failed.reason());
                    }
                    sink.next(outcome);
                });
    }

    private Outcome granted(String body, String clientIp) {
        try {
            JsonNode data = json.readTree(body).path("data");
            String sessionCookie = text(data, "sessionCookie");
            String rememberMeCookie = text(data, "rememberMeCookie");
            String authTime = text(data, "authTime");
            String locale = text(data, "locale");
            String sessionId = SessionStore.sessionId(sessionCookie);
            String userId = text(data, "userId");
            if (sessionId == null || rememberMeCookie == null || userId == null) {
                return new Failed("a grant without a session cookie, a remember-me cookie or a user id");
            }
            ShopIdentity identity = new ShopIdentity(Long.parseLong(userId), Role.valueOf(text(data, "role")),
                    text(data, "name"), locale == null ? null : Locale.forLanguageTag(locale), clientIp, sessionId,
                    authTime == null ? null : Instant.ofEpochMilli(Long.parseLong(authTime)));
            long maxAge = data.path("rememberMeMaxAgeSeconds").asLong(0);
            return new Granted(identity, sessionCookie, rememberMeCookie, Duration.ofSeconds(maxAge > 0 ? maxAge : 1_209_600));
        }
        catch (RuntimeException unreadable) {
            return new Failed("an unreadable grant: " + unreadable);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }

    private static String key(String token, String userAgent, String clientIp) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(token.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(clientIp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Shared(Mono<Outcome> outcome, long expiresAt) {

        boolean expired(long now) {
            return now - expiresAt > 0;
        }
    }

    /** The result of one exchange. */
    public sealed interface Outcome permits Granted, Refused, Failed {
    }

    /** A new session for {@code identity}; the cookies to set on the response. */
    public record Granted(ShopIdentity identity, String sessionCookie, String rememberMeCookie, Duration rememberMeMaxAge)
            implements Outcome {
    }

    /** auth-service refused the token: clear both cookies. */
    public record Refused() implements Outcome {
    }

    /** No answer worth acting on: go on anonymously, leave the cookies. */
    public record Failed(String reason) implements Outcome {
    }
}
