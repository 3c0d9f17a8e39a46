package com.shopfleet.shop.event;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.testsupport.MariaDbPublisherContract;
import com.shopfleet.shop.testsupport.MariaDbTest;
import com.shopfleet.shop.testsupport.TestRedis;

/** The MariaDB tier; its own Redis database (index 3), so nothing crosses over from other tests. */
@MariaDbTest
@SpringBootTest(properties = "spring.data.redis.database=3")
class EventMariaDbTests extends MariaDbPublisherContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_event");
        TestRedis.register(registry);
    }
}
