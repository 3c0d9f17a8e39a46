package com.shopfleet.shop.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;

/**
 * The local profile's demo accounts (an ADMIN and a shopper, created by auth-service at start):
 * their passwords are generated once per data folder, kept in {@code demo-accounts.properties}
 * beside the databases (so they stay valid across restarts; {@code --reset} makes new ones),
 * passed to auth-service and printed in the summary. None is ever committed.
 */
public record DemoAccounts(Account staff, Account shopper) {

    static final String FILE = "demo-accounts.properties";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** One account: what a developer types into the login form. */
    public record Account(String email, String password) {
    }

    static DemoAccounts loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            } else {
                properties.setProperty("staff.email", "admin@shop.local");
                properties.setProperty("staff.password", newPassword());
                properties.setProperty("shopper.email", "shopper@shop.local");
                properties.setProperty("shopper.password", newPassword());
                try (Writer writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "demo accounts of this local stack (generated; --reset makes new ones)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        return new DemoAccounts(
                new Account(properties.getProperty("staff.email"), properties.getProperty("staff.password")),
                new Account(properties.getProperty("shopper.email"), properties.getProperty("shopper.password")));
    }

    /** What auth-service reads (its {@code shop.auth.demo.*} settings). */
    Map<String, String> environment() {
        return Map.of(
                "SHOP_AUTH_DEMO_STAFF_EMAIL", staff.email(),
                "SHOP_AUTH_DEMO_STAFF_PASSWORD", staff.password(),
                "SHOP_AUTH_DEMO_SHOPPER_EMAIL", shopper.email(),
                "SHOP_AUTH_DEMO_SHOPPER_PASSWORD", shopper.password());
    }

    /** Letters, digits and a symbol: passes the shop's password policy. */
    private static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Demo-");
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.append("7!").toString();
    }
}
