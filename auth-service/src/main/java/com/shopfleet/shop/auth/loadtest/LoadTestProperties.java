package com.shopfleet.shop.auth.loadtest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.loadtest.*}: the accounts the {@code loadtest} profile seeds for a load generator
 * (infra/loadtest). Account {@code n} (0-based) is {@code <email-prefix><n>@<email-domain>}, phone
 * {@code phone-start + n} (11 digits), role USER, all with the one {@code password}, which comes from
 * the environment ({@code SHOP_AUTH_LOADTEST_PASSWORD}) and is never committed. The profile hashes
 * with Argon2id at {@code argon2-memory-kib} / {@code argon2-iterations} ({@link LoadTestPasswordConfiguration}).
 */
@ConfigurationProperties("shop.auth.loadtest")
public record LoadTestProperties(@DefaultValue("0") int users, @DefaultValue("loadtest-") String emailPrefix,
        @DefaultValue("loadtest.local") String emailDomain, @DefaultValue("1020000000") long phoneStart,
        String password, @DefaultValue("1024") int argon2MemoryKib, @DefaultValue("1") int argon2Iterations) {

    public LoadTestProperties {
        if (users < 0 || users > 1_000_000) {
            throw new IllegalArgumentException("shop.auth.loadtest.users must be 0..1,000,000, was " + users);
        }
        if (users > 0 && (password == null || password.isBlank())) {
            throw new IllegalArgumentException(
                    "shop.auth.loadtest.password (SHOP_AUTH_LOADTEST_PASSWORD) is required to seed load-test users");
        }
        if (argon2MemoryKib < 8 || argon2Iterations < 1) {
            throw new IllegalArgumentException("shop.auth.loadtest.argon2-memory-kib must be >= 8 and argon2-iterations >= 1");
        }
        if (phoneStart < 1_000_000_000L || phoneStart + users > 1_099_999_999L) {
            throw new IllegalArgumentException("shop.auth.loadtest.phone-start must keep every phone at 010 + 8 digits");
        }
    }

    String email(int number) {
        return emailPrefix + number + "@" + emailDomain;
    }

    /** Digits only, as the users table stores phones: {@code 0} + the 10-digit number. */
    String phone(int number) {
        return "0" + (phoneStart + number);
    }

    @Override
    public String toString() {
        return "LoadTestProperties[users=" + users + ", emailPrefix=" + emailPrefix + ", emailDomain=" + emailDomain
                + ", phoneStart=" + phoneStart + ", password=(hidden), argon2MemoryKib=" + argon2MemoryKib
                + ", argon2Iterations=" + argon2Iterations + "]";
    }
}
