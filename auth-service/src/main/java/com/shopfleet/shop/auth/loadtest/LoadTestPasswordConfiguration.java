package com.shopfleet.shop.auth.loadtest;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The {@code loadtest} profile's password encoder: the production one (Argon2id under the same id,
 * bcrypt still verified) with the cost of {@code shop.auth.loadtest.argon2-memory-kib} /
 * {@code argon2-iterations} (1 MiB, 1 iteration) instead of 16 MiB and 2. Measured on the 2-core VM
 * (load average ~15 from other builds): at production cost 10,000 load-test users logged in at
 * ~8.5 a second, ~20 minutes before every run; at this cost the login path (JWE, nonce, throttle,
 * password check, session) is unchanged and only the hash is cheaper. Only for the synthetic accounts
 * of a profile that listens on loopback; a production hash presented here still verifies (its own
 * parameters are in it) and is never "upgraded" down.
 */
@Configuration(proxyBeanMethods = false)
@Profile("loadtest")
@EnableConfigurationProperties(LoadTestProperties.class)
class LoadTestPasswordConfiguration {

    /** The production encoder's id (AccountConfiguration), so hashes look the same. */
    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    @Primary
    PasswordEncoder loadTestPasswordEncoder(LoadTestProperties properties) {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, new Argon2PasswordEncoder(16, 32, 1, properties.argon2MemoryKib(), properties.argon2Iterations()),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
