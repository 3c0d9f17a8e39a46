package com.shopfleet.shop.auth;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features (account, credentials, session, rememberme, login, selfservice, recovery, ratelimit,
 * demo) depend on each other only through their top-level types, never on another's {@code web}
 * package, and without cycles.
 */
class ModularityTests {

    @Test
    void featuresKeepToTheirOwnInternals() {
        ApplicationModules.of(AuthApplication.class).verify();
    }
}
