package com.shopfleet.shop.gateway.identity;

import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Who is calling, as the gateway decided it for one request: a signed-in user (from the session or a
 * remember-me exchange) or an anonymous client, always with the client's address and language.
 *
 * @param identity the user, or {@code null} when anonymous
 * @param clientIp the client's address (see {@code ClientAddressWebFilter})
 * @param locale the language for an anonymous caller (a user's comes from the session)
 */
public record Caller(ShopIdentity identity, String clientIp, Locale locale) {

    static final String ATTRIBUTE = Caller.class.getName();

    public static Caller anonymous(String clientIp, Locale locale) {
        return new Caller(null, clientIp, locale);
    }

    /** The caller resolved for this exchange, or {@code null} on a route without identity (API docs). */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    public boolean authenticated() {
        return identity != null;
    }

    /** Whom a budget belongs to: the user when signed in, otherwise the client address. */
    public String budgetKey() {
        return identity != null ? "user:" + identity.userId() : "ip:" + clientIp;
    }
}
