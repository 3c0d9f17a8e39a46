package com.shopfleet.shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.shopfleet.shop.localstack.LocalStack;

/** The gateway in front of the real fleet (issue: the gateway and the one-command local stack). */
class GatewaySystemTests {

    private static LocalStack fleet;
    private final Http http = new Http();

    @BeforeAll
    static void startFleet() {
        fleet = RunningFleet.stack();
    }

    @Test
    void everyProcessOfTheFleetIsUp() {
        assertThat(fleet.processes()).extracting(LocalStack.ProcessInfo::name).contains("redis", "kafka", "gateway",
                "auth-service", "catalog-service", "order-service", "event-service", "notification-worker");
        assertThat(fleet.processes()).allMatch(LocalStack.ProcessInfo::alive);
    }

    @Test
    void theSwaggerUiListsEveryServicesDocument() {
        for (String service : List.of("auth", "catalog", "order", "event", "notification")) {
            Http.Reply docs = http.get("/v3/api-docs/" + service);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.body().get("openapi").asString()).startsWith("3.");
        }
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void anAnonymousVisitorReachesTheCatalogThroughTheGateway() {
        Http.Reply products = http.get("/api/products?page=0&size=20");
        assertThat(products.status()).as(products.response().body()).isEqualTo(200);
        assertThat(products.body().get("success").asBoolean()).isTrue();
        assertThat(products.body().at("/data/page/size").asInt()).isEqualTo(20);
        assertThat(products.body().at("/data/content").size())
                .as("the local profile's demo catalog").isGreaterThan(0);

        Http.Reply categories = http.get("/api/categories");
        assertThat(categories.status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsA404EnvelopeFromTheGateway() {
        Http.Reply reply = http.get("/api/no-such-thing");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aDeadServiceIsA503WithinTheTimeoutAndServesAgainOnceBack() {
        String path = "/v3/api-docs/catalog";
        assertThat(http.get(path).status()).isEqualTo(200);

        fleet.stop("catalog-service");
        try {
            Http.Reply down = http.get(path);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(down.took()).isLessThan(Duration.ofSeconds(6));
        }
        finally {
            fleet.restart("catalog-service");
        }
        assertThat(http.get(path).status()).isEqualTo(200);
    }
}
