package com.shopfleet.shop.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.testsupport.MariaDbMigrationContract;
import com.shopfleet.shop.testsupport.MariaDbTest;

@MariaDbTest
@SpringBootTest
class NotificationMariaDbTests extends MariaDbMigrationContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_notification");
    }
}
