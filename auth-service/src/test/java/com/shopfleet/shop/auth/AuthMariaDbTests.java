package com.shopfleet.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.Accounts.Registration;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.auth.credentials.LoginKeyProperties;
import com.shopfleet.shop.auth.credentials.LoginKeys;
import com.shopfleet.shop.auth.login.LoginAudit;
import com.shopfleet.shop.auth.login.LoginOutcome;
import com.shopfleet.shop.auth.rememberme.Exchanged;
import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.session.ClientDevice;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.testsupport.MariaDbPublisherContract;
import com.shopfleet.shop.testsupport.MariaDbTest;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The MariaDB tier: the migrations and the outbox registry (the shared contract), and what auth-service
 * itself relies on from the database — unique keys that make a concurrent duplicate fail, the login
 * key race, remember-me's conditional rotation, the audit's batched purge.
 */
@MariaDbTest
@SpringBootTest
class AuthMariaDbTests extends MariaDbPublisherContract {

    @Autowired
    Accounts accounts;

    @Autowired
    RememberMe rememberMe;

    @Autowired
    LoginAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_auth");
        TestRedis.register(registry);
    }

    @Test
    void emailsAreUniqueWhateverTheCaseAndPhonesAreUnique() {
        accounts.register(registration("Hana.Lee@Example.com", "010-5555-0001"), "credentials");

        assertThatExceptionOfType(ShopException.class)
                .isThrownBy(() -> accounts.register(registration("hana.lee@example.COM", "010-5555-0002"), "credentials"))
                .satisfies(ex -> assertThat(ex.fields()).containsKey("email"));
        assertThatExceptionOfType(ShopException.class)
                .isThrownBy(() -> accounts.register(registration("other@example.com", "01055550001"), "credentials"))
                .satisfies(ex -> assertThat(ex.fields()).containsKey("phone"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(1);
    }

    @Test
    void concurrentInstancesCreateOneLoginKeyPerPeriod() throws Exception {
        jdbc.update("DELETE FROM login_key");
        LoginKeyProperties properties = new LoginKeyProperties(2048, Duration.ofHours(24), Duration.ofHours(1), null, false,
                Duration.ofMinutes(1));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> asks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LoginKeys instance = new LoginKeys(jdbc, properties, Clock.systemUTC());
            asks.add(() -> {
                start.await();
                return instance.current().id();
            });
        }
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(asks.size())) {
            List<Future<String>> futures = asks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRememberMeTokenRotatesOnceAndItsOldValueIsThenRefused() {
        User user = accounts.register(registration("remember.me@example.com", "010-5555-0003"), "credentials");
        RememberMe.Issued issued = rememberMe.issue(user.id(), "JUnit");
        ClientDevice device = new ClientDevice("203.0.113.9", "JUnit");

        Exchanged exchanged = rememberMe.exchange(issued.cookieValue(), device).orElseThrow();
        assertThat(exchanged.rememberMeCookie()).isNotEqualTo(issued.cookieValue());
        assertThat(rememberMe.exchange(exchanged.rememberMeCookie(), device)).isPresent();
    }

    @Test
    void theAuditKeepsItsRetentionInBatches() {
        for (int i = 0; i < 3; i++) {
            audit.record(LoginOutcome.BAD_CREDENTIALS, null, "old@example.com", "203.0.113.1", "JUnit");
        }
        jdbc.update("UPDATE login_attempt SET occurred_at = ? WHERE email = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusDays(400), "old@example.com");
        audit.record(LoginOutcome.SUCCESS, null, "new@example.com", "203.0.113.1", "JUnit");

        assertThat(audit.purgeOlderThan(Duration.ofDays(365))).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT email FROM login_attempt", String.class)).containsExactly("new@example.com");
    }

    private static Registration registration(String email, String phone) {
        return new Registration(email, "이하나", phone, "ko", false, "Sunny-Day-2026");
    }
}
