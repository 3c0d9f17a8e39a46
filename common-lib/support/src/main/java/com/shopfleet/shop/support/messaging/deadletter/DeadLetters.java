package com.shopfleet.shop.support.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ShopException;

/**
 * The events a service's consumer groups gave up on: listed from their dead-letter topics, replayed
 * by staff.
 *
 * <p>A replay republishes the original record (key, value and the producer's headers; the event id
 * stays) to the topic it came from, marked with {@value #REPLAY_GROUP} so that only the group that
 * dead-lettered it handles it again ({@code EventHandlers} of other groups pass it by; they would skip
 * it by its event id anyway). Idempotent consumers make a replay safe: whatever part of the effect
 * already happened is not repeated. A dead letter is replayed at most once ({@code dead_letter_replay},
 * whose primary key refuses a second, concurrent or later, replay); if the replay fails again, it is a
 * new dead letter, replayable in its turn.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Header of a replayed record: the consumer group it is replayed for. */
    public static final String REPLAY_GROUP = "x-replay-group";
    /** Header of a replayed record: the dead letter it comes from ({@code <alias>-<partition>-<offset>}). */
    public static final String REPLAYED_FROM = "x-replayed-from";
    private static final int MAX_REASON = 500;

    private final DeadLetterSources sources;
    private final DeadLetterRecords records;
    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;
    private final JsonMapper jsonMapper;
    private final DeadLetterPolicy policy;
    private final DeadLetterProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeadLetters(DeadLetterSources sources, DeadLetterRecords records, JdbcTemplate jdbc,
            TransactionOperations transactions, JsonMapper jsonMapper, DeadLetterPolicy policy,
            DeadLetterProperties properties, MeterRegistry meters, Clock clock) {
        this.sources = sources;
        this.records = records;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
        this.policy = policy;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    public DeadLetterSources sources() {
        return sources;
    }

    /**
     * Newest first.
     *
     * @param from      the bindings to read
     * @param status    replayed or pending or both
     * @param eventType only this event type, when given
     */
    public PageResponse<DeadLetter> list(Collection<DeadLetterSource> from, StatusFilter status, String eventType,
            int page, int size) {
        List<DeadLetter> selected = select(from, status, eventType);
        int first = (int) Math.min((long) page * size, selected.size());
        int last = Math.min(first + size, selected.size());
        return PageResponse.of(selected.subList(first, last), size, page, selected.size());
    }

    public DeadLetter get(DeadLetterId id) {
        DeadLetter letter = read(id.source(), record(id));
        DeadLetter.Replay replay = replays(id.source()).get(id.partition() + ":" + id.offset());
        return replay == null ? letter : letter.withReplay(replay);
    }

    /**
     * Republishes a dead letter to its topic, once.
     *
     * @throws ShopException 404 when there is no such record, 409 when it was (or is being) replayed,
     *                       what the policy refuses with, 503 when Kafka does not answer
     */
    public DeadLetter replay(DeadLetterId id, long staffUserId) {
        ConsumerRecord<byte[], byte[]> record = record(id);
        DeadLetter letter = read(id.source(), record);
        Instant now = clock.instant();
        policy.checkReplayable(letter, now);
        transactions.executeWithoutResult(status -> {
            claim(id, letter.eventId(), staffUserId, now);
            // inside the claim's transaction: a send Kafka refuses leaves the dead letter pending
            records.publish(republished(id, record));
        });
        meters.counter("shop.dead.letters.replayed", "group", id.source().group(), "topic", id.source().topic())
                .increment();
        log.info("Dead letter {} ({} {}) replayed to {} for group {} by user {}", id, letter.eventType(),
                letter.eventId(), id.source().topic(), id.source().group(), staffUserId);
        return letter.withReplay(new DeadLetter.Replay(now, staffUserId));
    }

    /**
     * Replays every pending dead letter of the bindings (of one event type, when given), oldest first,
     * at most {@code shop.dead-letters.replay-all-limit}; one the policy refuses, or another request
     * replays meanwhile, is left out.
     */
    public ReplayAll replayAll(Collection<DeadLetterSource> from, String eventType, long staffUserId) {
        List<DeadLetter> pending = new ArrayList<>(select(from, StatusFilter.PENDING, eventType));
        pending.sort(Comparator.comparing(DeadLetter::deadLetteredAt).thenComparing(letter -> letter.id().offset()));
        int replayed = 0;
        int skipped = 0;
        for (DeadLetter letter : pending.subList(0, Math.min(pending.size(), properties.replayAllLimit()))) {
            try {
                replay(letter.id(), staffUserId);
                replayed++;
            }
            catch (ShopException refused) {
                if (refused.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                    throw refused;
                }
                skipped++;
            }
        }
        return new ReplayAll(replayed, skipped, Math.max(0, pending.size() - properties.replayAllLimit()));
    }

    /**
     * @param replayed  republished now
     * @param skipped   refused by the policy or replayed by someone else meanwhile
     * @param remaining pending beyond this request's limit
     */
    public record ReplayAll(int replayed, int skipped, int remaining) {
    }

    /** Replayed dead letters still on a dead-letter topic, per partition ({@code >= begin}). */
    Map<Integer, List<Long>> replayedOffsets(DeadLetterSource source) {
        Map<Integer, List<Long>> offsets = new HashMap<>();
        jdbc.query("SELECT dead_letter_partition, dead_letter_offset FROM dead_letter_replay WHERE dead_letter_topic = ?",
                rs -> {
                    offsets.computeIfAbsent(rs.getInt(1), partition -> new ArrayList<>()).add(rs.getLong(2));
                }, source.deadLetterTopic());
        return offsets;
    }

    private List<DeadLetter> select(Collection<DeadLetterSource> from, StatusFilter status, String eventType) {
        List<DeadLetter> all = new ArrayList<>();
        for (DeadLetterSource source : from) {
            Map<String, DeadLetter.Replay> replays = replays(source);
            for (ConsumerRecord<byte[], byte[]> record : records.newest(source.deadLetterTopic(),
                    properties.maxListedPerPartition())) {
                DeadLetter letter = read(source, record);
                DeadLetter.Replay replay = replays.get(record.partition() + ":" + record.offset());
                all.add(replay == null ? letter : letter.withReplay(replay));
            }
        }
        return all.stream()
                .filter(status::accepts)
                .filter(letter -> eventType == null || eventType.equals(letter.eventType()))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()
                        .thenComparing(letter -> letter.id().toString()))
                .toList();
    }

    private ConsumerRecord<byte[], byte[]> record(DeadLetterId id) {
        return records.at(id.source().deadLetterTopic(), id.partition(), id.offset())
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
    }

    private void claim(DeadLetterId id, String eventId, long staffUserId, Instant now) {
        try {
            jdbc.update("INSERT INTO dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset, "
                    + "event_id, replayed_by, replayed_at) VALUES (?, ?, ?, ?, ?, ?)", id.source().deadLetterTopic(),
                    id.partition(), id.offset(), eventId, staffUserId, Timestamp.from(now));
        }
        catch (DuplicateKeyException ex) {
            throw new ShopException(ErrorCode.CONFLICT, "deadletter.already-replayed");
        }
        catch (PessimisticLockingFailureException ex) {
            throw new ShopException(ErrorCode.CONFLICT, "deadletter.replay-in-progress");
        }
    }

    private ProducerRecord<byte[], byte[]> republished(DeadLetterId id, ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            String name = header.key();
            if (!name.startsWith("x-original-") && !name.startsWith("x-exception-") && !name.equals(REPLAYED_FROM)
                    && !name.equals(REPLAY_GROUP)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAYED_FROM, id.toString().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(REPLAY_GROUP, id.source().group().getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(id.source().topic(), null, record.key(), record.value(), headers);
    }

    private Map<String, DeadLetter.Replay> replays(DeadLetterSource source) {
        Map<String, DeadLetter.Replay> replays = new HashMap<>();
        jdbc.query("SELECT dead_letter_partition, dead_letter_offset, replayed_at, replayed_by FROM dead_letter_replay "
                + "WHERE dead_letter_topic = ?", rs -> {
                    replays.put(rs.getInt(1) + ":" + rs.getLong(2),
                            new DeadLetter.Replay(rs.getTimestamp(3).toInstant(), rs.getLong(4)));
                }, source.deadLetterTopic());
        return replays;
    }

    private DeadLetter read(DeadLetterSource source, ConsumerRecord<byte[], byte[]> record) {
        Head head = head(record.value());
        String type = head.type() != null ? head.type() : header(record, EventHeaders.EVENT_TYPE);
        DeadLetterPolicy.Reason reason = policy.reason(header(record, "x-exception-message"),
                header(record, "x-exception-stacktrace"));
        String text = reason.text();
        return new DeadLetter(new DeadLetterId(source, record.partition(), record.offset()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                head.eventId() == null ? null : head.eventId().toString(), type, head.occurredAt(),
                Instant.ofEpochMilli(record.timestamp()), intHeader(record, "x-original-partition"),
                longHeader(record, "x-original-offset"), reason.code(),
                text != null && text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text, null);
    }

    private Head head(byte[] value) {
        if (value == null) {
            return Head.NONE;
        }
        try {
            return jsonMapper.readValue(value, Head.class);
        }
        catch (JacksonException | IllegalArgumentException ex) {
            return Head.NONE;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int intHeader(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header != null && header.value() != null && header.value().length == Integer.BYTES
                ? ByteBuffer.wrap(header.value()).getInt() : -1;
    }

    private static long longHeader(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header != null && header.value() != null && header.value().length == Long.BYTES
                ? ByteBuffer.wrap(header.value()).getLong() : -1;
    }

    /** Which dead letters a listing shows. */
    public enum StatusFilter {

        ALL, PENDING, REPLAYED;

        boolean accepts(DeadLetter letter) {
            return switch (this) {
                case ALL -> true;
                case PENDING -> !letter.replayed();
                case REPLAYED -> letter.replayed();
            };
        }
    }

    /** What a dead letter's value tells of its event, whatever its payload. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Head(UUID eventId, String type, Instant occurredAt) {

        static final Head NONE = new Head(null, null, null);
    }
}
