package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.auth.loadtest.LoadTestProperties;
import com.shopfleet.shop.auth.loadtest.LoadTestUsers;

/** The loadtest profile's seeded accounts: cheap to create, and they log in like any other. */
class LoadTestUsersIntegrationTests extends AuthIntegrationTest {

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    @Test
    void outsideTheLoadTestProfileNoAccountIsSeeded() {
        assertThat(context.getBeansOfType(LoadTestUsers.class)).isEmpty();
    }

    @Test
    void seededAccountsLogInWithEncryptedCredentialsAndSeedingAgainAddsNothing() {
        String prefix = "lt-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long phoneStart = 1_070_000_000L + ThreadLocalRandom.current().nextInt(0, 2_000_000) * 10L;
        String password = "Seeded-Load!" + UUID.randomUUID().toString().substring(0, 6);
        LoadTestUsers seeder = new LoadTestUsers(new LoadTestProperties(3, prefix, "loadtest.local", phoneStart, password, 1024, 1),
                encoder, jdbc, transactions);

        assertThat(seeder.seed()).isEqualTo(3);
        assertThat(seeder.seed()).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE email_normalized LIKE ?", Integer.class,
                prefix + "%@loadtest.local")).isEqualTo(3);
        Browser browser = browser();
        browser.login(prefix + "2@loadtest.local", password).assertOk(200);
        assertThat(browser.get("/api/users/me").data().get("role").asString()).isEqualTo("USER");
        assertThat(jdbc.queryForObject("SELECT phone FROM users WHERE email_normalized = ?", String.class,
                prefix + "2@loadtest.local")).isEqualTo("0" + (phoneStart + 2));
        browser().login(prefix + "1@loadtest.local", "Wrong-Password!42").assertOk(401);
    }

    @Test
    void seedingWithoutAPasswordFailsTheStart() {
        assertThatThrownBy(() -> new LoadTestProperties(10, "loadtest-", "loadtest.local", 1_020_000_000L, " ", 1024, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHOP_AUTH_LOADTEST_PASSWORD");
    }
}
