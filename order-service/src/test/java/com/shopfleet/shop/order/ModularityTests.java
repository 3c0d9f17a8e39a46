package com.shopfleet.shop.order;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features (cart, checkout, order, payment, points, product, account) use each other only
 * through their root packages, never another feature's web/, messaging/ or internal/, and form no cycle.
 */
class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicSurface() {
        ApplicationModules.of(OrderApplication.class).verify();
    }
}
