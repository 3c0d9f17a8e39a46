package com.shopfleet.shop.auth.demo;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.Accounts.Registration;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.contracts.identity.Role;

/**
 * The local profile's demo accounts, created through the service like any signup (so their
 * {@code UserRegistered} events flow too): a staff member (ADMIN) and a shopper, from
 * {@code shop.auth.demo.*}. Only when missing; no other profile creates accounts.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "shop.auth.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoAccounts implements ApplicationRunner {

    /** Who makes the demo staff an ADMIN: no user, the service itself. */
    private static final long SYSTEM = 0L;

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final DemoProperties properties;

    public DemoAccounts(Accounts accounts, DemoProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        create("staff", properties.staff(), Role.ADMIN);
        create("shopper", properties.shopper(), Role.USER);
    }

    private void create(String kind, DemoProperties.Account account, Role role) {
        if (account == null || account.email() == null || account.email().isBlank()) {
            return;
        }
        if (accounts.findActiveByEmail(account.email()).isPresent()) {
            log.info("Demo {} {} exists (password as set or logged when it was created)", kind, account.email());
            return;
        }
        boolean generated = account.password() == null || account.password().isBlank();
        String password = generated ? generatePassword() : account.password();
        User user = accounts.register(new Registration(account.email(), account.name(), account.phone(), "ko", false, password),
                "password");
        if (role != Role.USER) {
            accounts.changeRole(SYSTEM, user.id(), role);
        }
        if (generated) {
            log.info("Created demo {} {} ({}) with the generated password {} — set SHOP_AUTH_DEMO_{}_PASSWORD to choose one",
                    kind, account.email(), role, password, kind.toUpperCase());
        }
        else {
            log.info("Created demo {} {} ({}) with the configured password", kind, account.email(), role);
        }
    }

    private static String generatePassword() {
        StringBuilder password = new StringBuilder("Demo-");
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.append('7').toString();
    }
}
