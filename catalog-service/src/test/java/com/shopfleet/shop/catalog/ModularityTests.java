package com.shopfleet.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features are Spring Modulith modules: none reaches into another's internals (sub-packages such as
 * {@code web} and {@code internal}) and their dependencies form no cycle.
 */
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(CatalogApplication.class);

    @Test
    void featuresKeepToEachOthersApiAndDependOnEachOtherWithoutCycles() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getName)).contains("category", "product", "stock", "review",
                "wishlist", "storefront", "inbox", "caching", "demo");
    }
}
