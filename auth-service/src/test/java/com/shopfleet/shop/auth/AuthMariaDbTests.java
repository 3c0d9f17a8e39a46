package com.shopfleet.shop.auth;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.testsupport.MariaDbPublisherContract;
import com.shopfleet.shop.testsupport.MariaDbTest;

@MariaDbTest
@SpringBootTest
class AuthMariaDbTests extends MariaDbPublisherContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_auth");
    }
}
