package com.shopfleet.shop.event;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.support.web.ErrorProbeController;
import com.shopfleet.shop.testsupport.FleetServiceContract;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The fleet's service contract. Its own H2 database and Redis database (index 2 of the shared test
 * redis-server), so its loader and drain never see the integration tests' events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:shop_event_contract;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "spring.data.redis.database=2" })
@Import(ErrorProbeController.class)
class EventApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @Override
    protected int port() {
        return port;
    }
}
