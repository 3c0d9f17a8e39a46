package com.shopfleet.shop.gateway.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.gateway.edge.ClientAddressWebFilter;
import com.shopfleet.shop.support.error.ErrorMessages;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * Resolves who is calling on every API route (docs/identity-flow.md, "The gateway on every
 * {@code /api/**} request"): the {@code SESSION} cookie's live session, its expiry slid; without a
 * signed-in session and with a {@code REMEMBER_ME} cookie, the remember-me exchange — granted, the
 * new cookies go on the response and on the request passed on, and the request goes on as that user;
 * refused, both cookies are cleared and it goes on anonymously. The result is the exchange's
 * {@link Caller}; whether the caller may use the route is decided later ({@link AccessFilter}).
 * <p>
 * Deviation from the letter of the flow: the exchange is tried whenever there is no <em>signed-in</em>
 * session, so a live session without a user does not keep a valid remember-me token from working.
 * A Redis failure while reading a session is a 503, never a silent sign-out.
 */
public class SessionIdentityFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -300;

    public static final String SESSION_COOKIE = "SESSION";
    public static final String REMEMBER_ME_COOKIE = "REMEMBER_ME";

    private static final Logger log = LoggerFactory.getLogger(SessionIdentityFilter.class);

    private final SessionStore sessions;
    private final RememberMeClient rememberMe;
    private final boolean secureCookies;
    private final SessionBudget budgets;

    public SessionIdentityFilter(SessionStore sessions, RememberMeClient rememberMe, boolean secureCookies) {
        this(sessions, rememberMe, secureCookies, null);
    }

    /**
     * @param budgets when given (rate limiting on), a signed-in caller's request budget is spent in
     *                the session lookup's round trip ({@link SessionBudget})
     */
    public SessionIdentityFilter(SessionStore sessions, RememberMeClient rememberMe, boolean secureCookies,
            SessionBudget budgets) {
        this.sessions = sessions;
        this.rememberMe = rememberMe;
        this.secureCookies = secureCookies;
        this.budgets = budgets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (ApiRoutes.audience(exchange) == null) {
            return chain.filter(exchange);
        }
        String clientIp = ClientAddressWebFilter.clientIp(exchange);
        Locale locale = ErrorMessages.supported(exchange.getLocaleContext().getLocale());
        Caller anonymous = Caller.anonymous(clientIp, locale);
        String sessionId = SessionStore.sessionId(cookie(exchange.getRequest(), SESSION_COOKIE));
        Mono<Caller> fromSession = sessionId == null ? Mono.empty()
                : sessions.touch(sessionId, clientIp, budgets == null ? null : budgets.budgetOf(exchange.getRequest()))
                        .onErrorMap(DataAccessException.class, ex -> unavailable(exchange, ex))
                        .filter(live -> live.identity() != null)
                        .map(live -> {
                            if (live.spent() != null) {
                                exchange.getAttributes().put(SessionBudget.Spent.ATTRIBUTE, live.spent());
                            }
                            return new Caller(live.identity(), clientIp, locale);
                        });
        return fromSession
                .map(caller -> proceed(exchange, caller))
                .switchIfEmpty(Mono.defer(() -> rememberMe(exchange, anonymous)))
                .flatMap(chain::filter);
    }

    private Mono<ServerWebExchange> rememberMe(ServerWebExchange exchange, Caller anonymous) {
        String token = cookie(exchange.getRequest(), REMEMBER_ME_COOKIE);
        if (token == null) {
            return Mono.just(proceed(exchange, anonymous));
        }
        String userAgent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return rememberMe.exchange(token, userAgent, anonymous.clientIp(), anonymous.locale()).map(outcome -> switch (outcome) {
            case RememberMeClient.Granted granted -> {
                ServerHttpResponse response = exchange.getResponse();
                response.addCookie(cookie(SESSION_COOKIE, granted.sessionCookie(), null));
                response.addCookie(cookie(REMEMBER_ME_COOKIE, granted.rememberMeCookie(), granted.rememberMeMaxAge()));
                ServerWebExchange renewed = withCookies(exchange, Map.of(SESSION_COOKIE, granted.sessionCookie(),
                        REMEMBER_ME_COOKIE, granted.rememberMeCookie()), Set.of());
                yield proceed(renewed, new Caller(granted.identity(), anonymous.clientIp(), anonymous.locale()));
            }
            case RememberMeClient.Refused refused -> {
                ServerHttpResponse response = exchange.getResponse();
                response.addCookie(cookie(SESSION_COOKIE, "", Duration.ZERO));
                response.addCookie(cookie(REMEMBER_ME_COOKIE, "", Duration.ZERO));
                yield proceed(withCookies(exchange, Map.of(), Set.of(SESSION_COOKIE, REMEMBER_ME_COOKIE)), anonymous);
            }
            case RememberMeClient.Failed failed -> proceed(exchange, anonymous);
        });
    }

    private ShopException unavailable(ServerWebExchange exchange, DataAccessException ex) {
        log.warn("Cannot read sessions from Redis [{}]: {}", ReactiveErrors.traceId(exchange), ex.toString());
        return new ShopException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    private static ServerWebExchange proceed(ServerWebExchange exchange, Caller caller) {
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        return exchange;
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
                .path("/")
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite("Lax");
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        return cookie.build();
    }

    static String cookie(ServerHttpRequest request, String name) {
        HttpCookie cookie = request.getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** The request passed on carries the cookies as they are now, so a service sees the same session as the gateway. */
    private static ServerWebExchange withCookies(ServerWebExchange exchange, Map<String, String> replaced, Set<String> removed) {
        ServerHttpRequest request = exchange.getRequest();
        StringBuilder header = new StringBuilder();
        request.getCookies().forEach((name, values) -> {
            if (removed.contains(name) || replaced.containsKey(name)) {
                return;
            }
            values.forEach(cookie -> append(header, cookie.getName(), cookie.getValue()));
        });
        replaced.forEach((name, value) -> append(header, name, value));
        return exchange.mutate().request(mutated -> mutated.headers(headers -> {
            if (header.isEmpty()) {
                headers.remove(HttpHeaders.COOKIE);
            }
            else {
                headers.set(HttpHeaders.COOKIE, header.toString());
            }
        })).build();
    }

    private static void append(StringBuilder header, String name, String value) {
        if (!header.isEmpty()) {
            header.append("; ");
        }
        header.append(name).append('=').append(value);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
