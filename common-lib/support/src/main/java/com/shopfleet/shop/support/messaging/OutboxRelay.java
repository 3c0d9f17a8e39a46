package com.shopfleet.shop.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * What Spring Modulith 2.0.3 leaves to the application (STACK trap 15): resubmitting publications
 * that did not reach Kafka while the service runs, with exponential backoff per publication, and
 * deleting completed ones. Each task runs on one instance at a time (ShedLock on the service's own
 * database). Restarts are covered by {@code republish-outstanding-events-on-restart}.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final LockingTaskExecutor locks;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRelay(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            LockingTaskExecutor locks, OutboxProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    public void resubmitDue() {
        locks.executeWithLock((Runnable) () -> incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(properties.firstRetryAfter())
                .withBatchSize(200)
                .withFilter(this::isDue)),
                lock("outbox-resubmit", properties.retryInterval()));
    }

    public void deleteCompleted() {
        locks.executeWithLock((Runnable) () -> completed.deletePublicationsOlderThan(properties.keepCompleted()),
                lock("outbox-cleanup", properties.cleanupInterval()));
    }

    /** Due when the backoff since the last attempt has passed: firstRetryAfter × 2^attempts, capped. */
    boolean isDue(EventPublication publication) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        int attempts = Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 20);
        Duration backoff = properties.firstRetryAfter().multipliedBy(1L << attempts);
        if (backoff.compareTo(properties.maxBackoff()) > 0) {
            backoff = properties.maxBackoff();
        }
        boolean due = !clock.instant().isBefore(last.plus(backoff));
        if (due && log.isDebugEnabled()) {
            log.debug("Resubmitting publication {} (attempts so far: {})", publication.getIdentifier(),
                    publication.getCompletionAttempts());
        }
        return due;
    }

    private LockConfiguration lock(String name, Duration interval) {
        Duration atMost = interval.multipliedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : interval.multipliedBy(10);
        return new LockConfiguration(clock.instant(), name, atMost, Duration.ZERO);
    }
}
