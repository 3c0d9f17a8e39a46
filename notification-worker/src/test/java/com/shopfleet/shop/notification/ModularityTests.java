package com.shopfleet.shop.notification;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The worker's features (contact, delivery, account, order, prize, deadletter, localmail) reach each
 * other only through their top-level packages, never into another's sub-packages, and form no cycle.
 */
class ModularityTests {

    @Test
    void featuresKeepToTheirPublicApi() {
        ApplicationModules.of(NotificationApplication.class).verify();
    }
}
