package com.shopfleet.shop.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "shop.web.max-body-size=1KB",
                "shop.identity.public-paths=/**" })
class ServletErrorEnvelopeTests extends ErrorEnvelopeContract {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ErrorProbeController.class)
    static class App {
    }

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(2_000) + "\", \"quantity\": 1}";
        post("/things", big, "application/json").assertError(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(2_000) + "\", \"quantity\": 1}";
        Supplier<java.io.InputStream> stream = () -> new java.io.ByteArrayInputStream(big.getBytes());
        Reply reply = send(request("/things").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(stream)).build());
        reply.assertError(413, "PAYLOAD_TOO_LARGE");
        assertThat(reply.response().body()).doesNotContain("xxxx");
    }
}
