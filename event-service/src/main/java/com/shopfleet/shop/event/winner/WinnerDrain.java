package com.shopfleet.shop.event.winner;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.shopfleet.shop.event.admission.AdmissionKeys;
import com.shopfleet.shop.event.admission.AdmissionScripts;

/**
 * Moves winners from each live event's Redis stream into the database, as one member of the
 * stream's consumer group: read up to {@code batch-size} entries (or whatever came within
 * {@code poll-interval}), store them with their {@code PrizeWon} events in one transaction
 * ({@link WinnerBatchWriter}), then acknowledge them. An entry is acknowledged only after its
 * transaction committed, so a worker that dies at any point leaves it pending: it re-reads its own
 * pending entries when it starts, and any worker takes over another's entries once they have been
 * idle for {@code claim-min-idle} (XAUTOCLAIM). A replayed entry is a no-op in the database.
 */
public class WinnerDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WinnerDrain.class);

    private static final RedisScript<Long> CLAIM = AdmissionScripts.script("lua/claim.lua", Long.class);

    private final StringRedisTemplate redis;
    private final WinnerBatchWriter writer;
    private final DrainProperties properties;
    private final Clock clock;
    private final String consumer;
    /** Events whose pending entries (of this consumer) are known to be none: read only new entries. */
    private final Set<Long> noOwnPending = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Thread thread;
    private Instant nextClaim = Instant.EPOCH;
    private Instant lastWarning = Instant.EPOCH;

    WinnerDrain(StringRedisTemplate redis, WinnerBatchWriter writer, DrainProperties properties, Clock clock) {
        this.redis = redis;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
        this.consumer = properties.consumer() != null && !properties.consumer().isBlank() ? properties.consumer()
                : defaultConsumerName();
    }

    public String consumer() {
        return consumer;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            noOwnPending.clear();
            running = true;
            thread = Thread.ofPlatform().name("winner-drain").daemon().start(this::loop);
            log.info("Winner drain started as consumer {} of group {}", consumer, AdmissionKeys.GROUP);
        }
    }

    /** Stops after the batch in flight (if any) is stored and acknowledged. */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopping = thread;
        }
        try {
            stopping.join(Duration.ofSeconds(30));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        log.info("Winner drain {} stopped", consumer);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = drainOnce();
            }
            catch (RuntimeException ex) {
                warn("The winner drain could not read the live events (Redis down?)", ex);
            }
            if (!more) {
                try {
                    Thread.sleep(properties.pollInterval());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One pass over the streams of every live event (taking over abandoned entries when due).
     *
     * @return whether some stream gave a full batch, so more may be waiting
     */
    boolean drainOnce() {
        Set<String> live = redis.opsForSet().members(AdmissionKeys.ACTIVE);
        if (live == null || live.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean claimDue = !now.isBefore(nextClaim);
        if (claimDue) {
            nextClaim = now.plus(properties.claimInterval());
        }
        boolean more = false;
        for (String id : live) {
            long eventId = Long.parseLong(id);
            try {
                if (claimDue) {
                    claimAbandoned(eventId);
                }
                more |= drain(eventId);
            }
            catch (RuntimeException ex) {
                noOwnPending.remove(eventId);
                warn("The winner drain failed on event " + eventId + "; its entries stay pending and are retried", ex);
            }
        }
        return more;
    }

    /**
     * Stores one batch of an event's stream: this consumer's pending entries first (left by a failure,
     * a restart or a takeover), new ones once there are none.
     *
     * @return whether the batch was full
     */
    boolean drain(long eventId) {
        String stream = AdmissionKeys.stream(eventId);
        boolean ownPending = !noOwnPending.contains(eventId);
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(AdmissionKeys.GROUP, consumer),
                StreamReadOptions.empty().count(properties.batchSize()),
                StreamOffset.create(stream, ownPending ? ReadOffset.from("0") : ReadOffset.lastConsumed()));
        if (records == null || records.isEmpty()) {
            if (ownPending) {
                noOwnPending.add(eventId);
                return true;
            }
            return false;
        }
        List<StreamWinner> batch = new ArrayList<>(records.size());
        String[] ids = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            MapRecord<String, Object, Object> record = records.get(i);
            ids[i] = record.getId().getValue();
            batch.add(StreamWinner.of(ids[i], record.getValue()));
        }
        writer.store(eventId, batch);
        redis.opsForStream().acknowledge(stream, AdmissionKeys.GROUP, ids);
        return records.size() >= properties.batchSize();
    }

    /**
     * Takes over entries of this event that another consumer read but has not acknowledged for
     * {@code claim-min-idle}; they are stored with this consumer's own pending entries.
     *
     * @return how many were taken over
     */
    long claimAbandoned(long eventId) {
        Long claimed = redis.execute(CLAIM, List.of(AdmissionKeys.stream(eventId)), AdmissionKeys.GROUP, consumer,
                Long.toString(properties.claimMinIdle().toMillis()), Integer.toString(properties.batchSize()));
        if (claimed != null && claimed > 0) {
            noOwnPending.remove(eventId);
            log.info("Consumer {} took over {} abandoned winner entries of event {}", consumer, claimed, eventId);
            return claimed;
        }
        return 0;
    }

    private void warn(String message, RuntimeException ex) {
        Instant now = clock.instant();
        if (now.isAfter(lastWarning.plusSeconds(10))) {
            lastWarning = now;
            log.warn("{}: {}", message, ex.toString());
        }
    }

    private static String defaultConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception ex) {
            host = "event-service";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
