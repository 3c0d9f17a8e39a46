package com.shopfleet.shop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MariaDB tier of a service: its context starts on a fresh MariaDB schema, so every Flyway
 * migration ran there and Hibernate validated the mapping against it ({@code ddl-auto=validate}).
 * Subclasses are {@link MariaDbTest}s and call {@link #useFreshDatabase} from a
 * {@code @DynamicPropertySource}.
 */
public abstract class MariaDbMigrationContract {

    @Autowired
    protected Flyway flyway;

    protected static void useFreshDatabase(DynamicPropertyRegistry registry, String schema) {
        String url = MariaDb.freshDatabase(schema);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", MariaDb::user);
        registry.add("spring.datasource.password", MariaDb::password);
        // no broker: recorded events stay in the registry, and nothing leaks to a developer's Kafka
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:1");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "500");
    }

    @Test
    public void everyMigrationIsAppliedOnMariaDb() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState))
                .as("migrations on %s", flyway.getConfiguration().getUrl())
                .allMatch(state -> state == MigrationState.SUCCESS);
        assertThat(flyway.getConfiguration().getDataSource()).isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
    }
}
