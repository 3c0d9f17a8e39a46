package com.shopfleet.shop.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/** The real MariaDB the second test tier runs against. */
public final class MariaDb {

    private static final String URL = Objects.requireNonNullElse(System.getenv("SHOP_TEST_MARIADB_URL"),
            "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = Objects.requireNonNullElse(System.getenv("SHOP_TEST_MARIADB_USER"), "root");
    private static final String PASSWORD = Objects.requireNonNullElse(System.getenv("SHOP_TEST_MARIADB_PASSWORD"), "");

    private static volatile String availability;

    private MariaDb() {
    }

    public static String serverUrl() {
        return URL;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** Null when the server answers, otherwise why not (checked once per JVM). */
    static String unavailableReason() {
        if (availability == null) {
            synchronized (MariaDb.class) {
                if (availability == null) {
                    availability = probe();
                }
            }
        }
        return availability.isEmpty() ? null : availability;
    }

    private static String probe() {
        DriverManager.setLoginTimeout(2);
        try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2000", USER, PASSWORD)) {
            return connection.isValid(2) ? "" : "connection not valid";
        }
        catch (SQLException ex) {
            return ex.getMessage();
        }
    }

    /**
     * Drops and recreates {@code <name>_test} and returns its JDBC URL, so every run migrates a
     * clean schema (utf8mb4, as production creates it).
     */
    public static String freshDatabase(String name) {
        String database = name + "_test";
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database " + database + " on " + URL, ex);
        }
        return URL + database;
    }
}
