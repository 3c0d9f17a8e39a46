package com.shopfleet.shop.support.messaging.deadletter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code shop.dead.letters} per consumer group, consumed topic and status ({@code pending} or
 * {@code replayed}): the records on each dead-letter topic, as an on-call person alerts on them. Read
 * from Kafka (the partitions' offsets, no record) and the replay table on a schedule, never during a
 * scrape; a Kafka outage keeps the last values.
 */
public class DeadLetterMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

    private final DeadLetters deadLetters;
    private final DeadLetterRecords records;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public DeadLetterMetrics(DeadLetters deadLetters, DeadLetterRecords records) {
        this.deadLetters = deadLetters;
        this.records = records;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeadLetterSource source : deadLetters.sources().all()) {
            for (String status : List.of("pending", "replayed")) {
                Gauge.builder("shop.dead.letters", value(source, status), AtomicLong::get)
                        .description("Records on a consumer group's dead-letter topic, by replay status")
                        .tag("group", source.group())
                        .tag("topic", source.topic())
                        .tag("status", status)
                        .register(registry);
            }
        }
    }

    /** Reads every dead-letter topic's size once; what staff replayed (and is still on the topic) counts as replayed. */
    public void refresh() {
        for (DeadLetterSource source : deadLetters.sources().all()) {
            try {
                Map<Integer, long[]> bounds = records.bounds(source.deadLetterTopic());
                Map<Integer, List<Long>> replayed = deadLetters.replayedOffsets(source);
                long total = 0;
                long replayedOnTopic = 0;
                for (Map.Entry<Integer, long[]> partition : bounds.entrySet()) {
                    long begin = partition.getValue()[0];
                    long end = partition.getValue()[1];
                    total += Math.max(0, end - begin);
                    replayedOnTopic += replayed.getOrDefault(partition.getKey(), List.of()).stream()
                            .filter(offset -> offset >= begin && offset < end).count();
                }
                value(source, "pending").set(total - replayedOnTopic);
                value(source, "replayed").set(replayedOnTopic);
            }
            catch (RuntimeException ex) {
                log.debug("Dead letters of {} not counted now: {}", source.deadLetterTopic(), ex.toString());
            }
        }
    }

    private AtomicLong value(DeadLetterSource source, String status) {
        return values.computeIfAbsent(source.deadLetterTopic() + "|" + status, key -> new AtomicLong());
    }
}
