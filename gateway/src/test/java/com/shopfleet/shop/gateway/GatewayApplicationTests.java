package com.shopfleet.shop.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.shopfleet.shop.support.web.ErrorProbeController;
import com.shopfleet.shop.testsupport.FleetServiceContract;
import com.shopfleet.shop.testsupport.TestIdentities;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestIdentities.SIGNING_KEY_PROPERTY)
@Import(ErrorProbeController.class)
class GatewayApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
