package com.shopfleet.shop.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link MariaDbTest} classes only when the MariaDB server answers; says why otherwise. */
class MariaDbCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = MariaDb.unavailableReason();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("MariaDB answers at " + MariaDb.serverUrl());
        }
        String reason = "MariaDB tier skipped: no MariaDB answers at " + MariaDb.serverUrl() + " (" + problem
                + "). Start one or set SHOP_TEST_MARIADB_URL.";
        if ("true".equalsIgnoreCase(System.getenv("SHOP_REQUIRE_MARIADB"))) {
            throw new IllegalStateException(reason + " SHOP_REQUIRE_MARIADB=true forbids skipping it.");
        }
        System.err.println("[" + context.getDisplayName() + "] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
