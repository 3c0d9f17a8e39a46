package com.shopfleet.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAccountsTests {

    @TempDir
    Path dataDir;

    @Test
    void generatesPasswordsOncePerDataFolderAndKeepsThem() {
        DemoAccounts first = DemoAccounts.loadOrCreate(dataDir);
        DemoAccounts again = DemoAccounts.loadOrCreate(dataDir);

        assertThat(again).isEqualTo(first);
        assertThat(first.staff().password()).isNotEqualTo(first.shopper().password())
                .hasSizeBetween(8, 64).matches(".*[A-Za-z].*").matches(".*[0-9].*").matches(".*[^A-Za-z0-9].*");
        assertThat(first.environment()).containsEntry("SHOP_AUTH_DEMO_STAFF_PASSWORD", first.staff().password())
                .containsEntry("SHOP_AUTH_DEMO_SHOPPER_EMAIL", "shopper@shop.local");
    }
}
