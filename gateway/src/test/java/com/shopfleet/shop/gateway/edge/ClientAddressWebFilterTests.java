package com.shopfleet.shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

class ClientAddressWebFilterTests {

    private static final String PROXIES = "10[.]0[.]0[.]\\d+|::1";

    @Test
    void fromAnUntrustedPeerTheForwardingHeadersAreDroppedAndThePeerIsTheClient() {
        Passed passed = filter(PROXIES, MockServerHttpRequest.get("/api/products")
                .remoteAddress(new InetSocketAddress("203.0.113.5", 50000))
                .header("X-Forwarded-For", "1.2.3.4")
                .header("X-Real-IP", "1.2.3.4")
                .header("Forwarded", "for=1.2.3.4"));

        assertThat(passed.clientIp()).isEqualTo("203.0.113.5");
        assertThat(passed.request().getHeaders().headerNames()).doesNotContain("X-Forwarded-For", "X-Real-IP", "Forwarded");
    }

    @Test
    void withoutTrustedProxiesNobodysForwardingHeadersCount() {
        Passed passed = filter("", MockServerHttpRequest.get("/api/products")
                .remoteAddress(new InetSocketAddress("10.0.0.7", 50000)).header("X-Forwarded-For", "1.2.3.4"));

        assertThat(passed.clientIp()).isEqualTo("10.0.0.7");
        assertThat(passed.request().getHeaders().containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void fromATrustedProxyTheHeadersPassOn() {
        Passed passed = filter(PROXIES, MockServerHttpRequest.get("/api/products")
                .remoteAddress(new InetSocketAddress("10.0.0.7", 50000)).header("X-Forwarded-For", "198.51.100.9"));

        assertThat(passed.clientIp()).isEqualTo("198.51.100.9");
        assertThat(passed.request().getHeaders().getFirst("X-Forwarded-For")).isEqualTo("198.51.100.9");
    }

    @ParameterizedTest(name = "{0} | {1} | {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // X-Forwarded-For | Forwarded | X-Real-IP | decided
            "198.51.100.9 | - | - | 198.51.100.9",
            "6.6.6.6, 198.51.100.9 | - | - | 198.51.100.9",
            "6.6.6.6, 198.51.100.9, 10.0.0.3 | - | - | 198.51.100.9",
            "10.0.0.4, 10.0.0.3 | - | - | 10.0.0.4",
            "evil.example, 10.0.0.3 | - | - | 10.0.0.3",
            "'198.51.100.9, not-an-ip' | - | - | 10.0.0.7",
            "2001:db8:0:0:0:0:0:1 | - | - | 2001:db8::1",
            "- | for=198.51.100.9;proto=https | - | 198.51.100.9",
            "- | 'for=\"[2001:db8::7]:4711\", for=10.0.0.3' | - | 2001:db8::7",
            "- | for=\"198.51.100.9:1234\" | - | 198.51.100.9",
            "- | for=unknown | - | 10.0.0.7",
            "- | - | 198.51.100.9 | 198.51.100.9",
            "198.51.100.1 | for=198.51.100.2 | 198.51.100.3 | 198.51.100.1",
            "- | - | - | 10.0.0.7" })
    void behindTrustedProxiesTheClientIsTheLastUntrustedHop(String forwardedFor, String forwarded, String realIp,
            String decided) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/products")
                .remoteAddress(new InetSocketAddress("10.0.0.7", 50000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (forwarded != null) {
            request.header("Forwarded", forwarded);
        }
        if (realIp != null) {
            request.header("X-Real-IP", realIp);
        }

        assertThat(filter(PROXIES, request).clientIp()).isEqualTo(decided);
    }

    @Test
    void anIpv6PeerIsWrittenInItsShortForm() {
        Passed passed = filter(PROXIES, MockServerHttpRequest.get("/").remoteAddress(
                new InetSocketAddress("0:0:0:0:0:0:0:1", 50000)).header("X-Forwarded-For", "198.51.100.9"));

        assertThat(passed.clientIp()).as("::1 is trusted").isEqualTo("198.51.100.9");
        assertThat(ClientAddressWebFilter.normalize("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddressWebFilter.normalize("localhost")).isNull();
    }

    private static Passed filter(String proxies, MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
        new ClientAddressWebFilter(proxies).filter(exchange, passedOn -> {
            seen.set(passedOn);
            return Mono.empty();
        }).block();
        return new Passed(ClientAddressWebFilter.clientIp(seen.get()), seen.get().getRequest());
    }

    private record Passed(String clientIp, ServerHttpRequest request) {
    }
}
