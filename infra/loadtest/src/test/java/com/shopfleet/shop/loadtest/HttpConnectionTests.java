package com.shopfleet.shop.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver's HTTP/1.1 client against the JDK's HTTP server: keep-alive, lengths, chunks, closes. */
class HttpConnectionTests {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sold-out", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"errorDetails\":{\"code\":\"SOLD_OUT\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(410, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(201, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"data\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("{\"rank\":7}}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/bye", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aConnectionStaysAliveAcrossRefusals() throws IOException {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", port())) {
            for (int i = 0; i < 5; i++) {
                HttpConnection.Response response = connection.exchange(request("/sold-out"));
                assertThat(response.status()).isEqualTo(410);
                assertThat(response.body()).contains("SOLD_OUT");
                assertThat(response.closes()).isFalse();
            }
            assertThat(connection.connects()).isEqualTo(1);
        }
        assertThat(requests).hasValue(5);
    }

    @Test
    void chunkedBodiesAreReadWhole() throws IOException {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", port())) {
            HttpConnection.Response response = connection.exchange(request("/chunked"));
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"data\":{\"rank\":7}}");
            assertThat(connection.exchange(request("/sold-out")).status()).isEqualTo(410);
            assertThat(connection.connects()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerClosesIsOpenedAgain() throws IOException {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", port())) {
            assertThat(connection.exchange(request("/bye")).closes()).isTrue();
            assertThat(connection.exchange(request("/sold-out")).status()).isEqualTo(410);
            assertThat(connection.connects()).isEqualTo(2);
        }
    }

    private byte[] request(String path) {
        return HttpConnection.request("POST", "127.0.0.1", port(), path, "X-Shop-Identity", "token");
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
