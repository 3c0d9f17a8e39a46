package com.shopfleet.shop.catalog;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.shopfleet.shop.testsupport.FleetServiceContract;

@CatalogIntegrationTest
class CatalogApplicationTests extends FleetServiceContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
