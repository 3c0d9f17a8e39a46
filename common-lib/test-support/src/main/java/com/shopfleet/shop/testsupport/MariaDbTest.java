package com.shopfleet.shop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second test tier: runs against the real MariaDB at {@code SHOP_TEST_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/}, user root, empty password) when it answers, and is skipped
 * with the reason printed where none does (unless {@code SHOP_REQUIRE_MARIADB=true}, as in CI: then
 * a missing MariaDB fails the tier). Use {@link MariaDb#freshDatabase(String)} for a clean schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mariadb")
@ExtendWith(MariaDbCondition.class)
public @interface MariaDbTest {
}
