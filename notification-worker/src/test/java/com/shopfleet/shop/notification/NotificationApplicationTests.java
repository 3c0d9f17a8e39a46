package com.shopfleet.shop.notification;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.shopfleet.shop.testsupport.FleetServiceContract;

@NotificationIntegrationTest
class NotificationApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
