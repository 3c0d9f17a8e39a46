package com.shopfleet.shop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.support.messaging.Outbox;
import com.shopfleet.shop.support.messaging.RecordedEvent;

/**
 * The MariaDB tier of a service that publishes events: besides the migrations, the outbox
 * registry's table as migrated is what Spring Modulith writes and reads back on MariaDB (the
 * test has no broker, so the recorded event stays pending).
 */
public abstract class MariaDbPublisherContract extends MariaDbMigrationContract {

    @Autowired
    private Outbox outbox;

    @Autowired
    private IncompleteEventPublications incomplete;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    public void theOutboxRegistryWritesAndReadsBackOnMariaDb() {
        UUID eventId = transactions.execute(status -> outbox.record(new UserWithdrawn(999_001)).eventId());

        List<Object> seen = new ArrayList<>();
        incomplete.resubmitIncompletePublications(publication -> {
            seen.add(publication.getEvent());
            return false;
        });

        assertThat(seen).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(RecordedEvent.class,
                recorded -> assertThat(recorded.envelope().eventId()).isEqualTo(eventId)));
    }
}
