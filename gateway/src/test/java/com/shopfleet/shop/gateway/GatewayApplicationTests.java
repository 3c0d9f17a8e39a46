package com.shopfleet.shop.gateway;

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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestIdentities.SIGNING_KEY_PROPERTY)
@Import(ErrorProbeController.class)
class GatewayApplicationTests extends FleetServiceContract {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
