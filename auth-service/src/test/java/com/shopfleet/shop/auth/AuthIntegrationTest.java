package com.shopfleet.shop.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The base of every {@code *IntegrationTests} class: see {@link AuthServiceTest}. */
@AuthServiceTest
abstract class AuthIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    String brokers() {
        return brokers;
    }

    Browser browser() {
        return new Browser(port, redis);
    }

    /** A signed-up shopper logged in in a new browser. */
    Browser loggedIn(Shopper shopper) {
        Browser browser = browser();
        browser.signup(shopper).assertOk(201);
        browser.login(shopper.email(), shopper.password()).assertOk(200);
        return browser;
    }

    long userId(String email) {
        return jdbc.queryForObject("SELECT id FROM users WHERE email_normalized = ?", Long.class, email.toLowerCase());
    }
}
