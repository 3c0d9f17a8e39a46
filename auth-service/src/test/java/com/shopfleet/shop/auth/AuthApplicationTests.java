package com.shopfleet.shop.auth;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.shopfleet.shop.testsupport.FleetServiceContract;

/** What every service of the fleet promises (error envelope, probes, metrics), on the shared test context. */
@AuthServiceTest
class AuthApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
