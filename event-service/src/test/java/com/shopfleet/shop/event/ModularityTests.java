package com.shopfleet.shop.event;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Features reach each other only through their base packages (fcfs ← admission ← winner; the
 * other way only through interfaces the lower feature declares), never through web or internals.
 */
class ModularityTests {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(EventApplication.class).verify();
    }
}
