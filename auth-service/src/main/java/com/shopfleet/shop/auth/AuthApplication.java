package com.shopfleet.shop.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * auth-service: accounts, encrypted login, Redis sessions, remember-me and self-service.
 * Boot's session auto-configuration is off: sessions are created and ended explicitly
 * ({@code session.SessionConfiguration} says why).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
        "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration" })
public class AuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthApplication.class, args);
    }
}
