package com.shopfleet.shop.order;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.shopfleet.shop.order.testing.OrderServiceTest;
import com.shopfleet.shop.testsupport.FleetServiceContract;

/** The fleet's promises (error envelope, probes, metrics), on the same running service as the other integration tests. */
@OrderServiceTest
class OrderApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
