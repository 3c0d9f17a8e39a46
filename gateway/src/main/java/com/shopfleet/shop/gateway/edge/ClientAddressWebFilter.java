package com.shopfleet.shop.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.util.NetUtil;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Decides the client's address once per request, for the identity token and per-IP rate limits
 * (CONTRACTS §3). {@code X-Forwarded-For}, {@code Forwarded} and {@code X-Real-IP} count only when the
 * connection comes from a trusted proxy ({@code spring.cloud.gateway.server.webflux.trusted-proxies},
 * a regular expression over the peer's address, the same setting Spring Cloud Gateway uses for the
 * forwarded headers it passes on); from anyone else they are removed and the socket's peer address
 * is the client. Behind trusted proxies the client is the right-most address of the chain that is
 * not itself a trusted proxy ({@code X-Forwarded-For} first, then {@code Forwarded}'s {@code for=},
 * then {@code X-Real-IP}). Only IP literals count: a name or garbage in the chain stops the walk and
 * the last trusted hop is taken instead, so a client can neither choose its address nor make the
 * gateway resolve a name.
 */
public class ClientAddressWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 35;

    /** The exchange attribute holding the decided address (a normalized IP literal). */
    public static final String ATTRIBUTE = ClientAddressWebFilter.class.getName() + ".clientIp";

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_REAL_IP = "X-Real-IP";
    static final String FORWARDED = "Forwarded";

    private static final List<String> FORWARDING_HEADERS = List.of(X_FORWARDED_FOR, FORWARDED, X_REAL_IP);

    private final TrustedProxies trustedProxies;

    /** @param trustedProxies the trusted proxies' pattern, or {@code null}/blank for none */
    public ClientAddressWebFilter(String trustedProxies) {
        this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? host -> false
                : TrustedProxies.from(trustedProxies);
    }

    /** The client's address as decided for this exchange. */
    public static String clientIp(ServerWebExchange exchange) {
        String decided = exchange.getAttribute(ATTRIBUTE);
        return decided != null ? decided : peer(exchange.getRequest());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String peer = peer(request);
        HttpHeaders headers = request.getHeaders();
        if (isTrusted(peer)) {
            exchange.getAttributes().put(ATTRIBUTE, decide(peer, headers));
            return chain.filter(exchange);
        }
        exchange.getAttributes().put(ATTRIBUTE, peer);
        if (FORWARDING_HEADERS.stream().noneMatch(headers::containsHeader)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(mutated -> mutated.headers(writable -> FORWARDING_HEADERS.forEach(writable::remove)))
                .build());
    }

    /** The client behind a trusted peer, from the forwarding headers it passed on. */
    String decide(String peer, HttpHeaders headers) {
        List<String> chain = forwardedFor(headers);
        if (chain.isEmpty()) {
            chain = forwardedElements(headers);
        }
        if (chain.isEmpty()) {
            String realIp = headers.getFirst(X_REAL_IP);
            if (realIp != null) {
                chain = List.of(realIp.trim());
            }
        }
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = normalize(chain.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return address != null && trustedProxies.isTrusted(address);
    }

    private static List<String> forwardedFor(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        for (String line : headers.getOrEmpty(X_FORWARDED_FOR)) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /** The {@code for=} nodes of RFC 7239 {@code Forwarded} elements, quotes, brackets and ports removed. */
    private static List<String> forwardedElements(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        for (String line : headers.getOrEmpty(FORWARDED)) {
            for (String element : line.split(",")) {
                String node = null;
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        node = pair.substring(equals + 1).trim();
                    }
                }
                if (node != null) {
                    hops.add(stripNode(node));
                }
            }
        }
        return hops;
    }

    private static String stripNode(String node) {
        String value = node;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(1, close) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    /** The canonical text of an IP literal, or {@code null} if {@code value} is none. Never resolves a name. */
    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String candidate = value.trim();
        if (!NetUtil.isValidIpV4Address(candidate) && !NetUtil.isValidIpV6Address(candidate)) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(candidate);
        if (bytes == null) {
            return null;
        }
        try {
            return NetUtil.toAddressString(InetAddress.getByAddress(bytes));
        }
        catch (UnknownHostException invalid) {
            return null;
        }
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? NetUtil.toAddressString(remote.getAddress()) : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
