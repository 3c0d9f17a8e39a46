package com.shopfleet.shop.notification.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.notification.deadletter.internal.DeadLetterRecords;
import com.shopfleet.shop.notification.delivery.DeliveryFailure;
import com.shopfleet.shop.notification.delivery.Masking;
import com.shopfleet.shop.support.error.ShopException;

/**
 * The events the worker gave up on: listed from the dead-letter topics, replayed by staff.
 *
 * <p>A replay republishes the original record (key, value and the producer's headers; the event id
 * stays) to the topic it came from, so the worker consumes it again: the sent log still keeps any
 * channel that did go out from going out twice. Every other consumer group of that topic sees the
 * record again too and, like every consumer of the fleet, skips it by its event id. A dead letter
 * is replayed at most once ({@code dead_letter_replay}); if the replay fails again, it is a new
 * dead letter, replayable in its turn.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String REPLAYED_FROM = "x-replayed-from";
    private static final int MAX_REASON = 500;

    private final DeadLetterRecords records;
    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final DeadLetterProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeadLetters(DeadLetterRecords records, JdbcTemplate jdbc, JsonMapper jsonMapper,
            DeadLetterProperties properties, MeterRegistry meters, Clock clock) {
        this.records = records;
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Newest first.
     *
     * @param topics    the dead-letter topics to read
     * @param status    replayed or pending or both
     * @param eventType only this event type, when given
     */
    public PageResponse<DeadLetter> list(Set<DeadLetterTopic> topics, StatusFilter status, String eventType, int page,
            int size) {
        List<DeadLetter> all = new ArrayList<>();
        for (DeadLetterTopic topic : topics) {
            Map<String, DeadLetter.Replay> replays = replays(topic);
            for (ConsumerRecord<byte[], byte[]> record : records.newest(topic.deadLetterTopic(),
                    properties.maxListedPerPartition())) {
                DeadLetter letter = read(topic, record);
                DeadLetter.Replay replay = replays.get(record.partition() + ":" + record.offset());
                all.add(replay == null ? letter : letter.withReplay(replay));
            }
        }
        List<DeadLetter> selected = all.stream()
                .filter(status::accepts)
                .filter(letter -> eventType == null || eventType.equals(letter.eventType()))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()
                        .thenComparing(letter -> letter.id().toString()))
                .toList();
        int from = (int) Math.min((long) page * size, selected.size());
        int to = Math.min(from + size, selected.size());
        return PageResponse.of(selected.subList(from, to), size, page, selected.size());
    }

    public DeadLetter get(DeadLetterId id) {
        DeadLetter letter = read(id.topic(), record(id));
        DeadLetter.Replay replay = replays(id.topic()).get(id.partition() + ":" + id.offset());
        return replay == null ? letter : letter.withReplay(replay);
    }

    /**
     * Republishes a dead letter to its topic, once.
     *
     * @throws ShopException 404 when there is no such record, 409 when it was (or is being) replayed,
     *                       422 for an expired password-reset code, 503 when Kafka does not answer
     */
    @Transactional
    public DeadLetter replay(DeadLetterId id, long staffUserId) {
        ConsumerRecord<byte[], byte[]> record = record(id);
        DeadLetter letter = read(id.topic(), record);
        if (PasswordResetRequested.TYPE.equals(letter.eventType()) && letter.occurredAt() != null
                && letter.occurredAt().plus(properties.codeReplayWindow()).isBefore(clock.instant())) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "deadletter.code-expired");
        }
        Instant now = clock.instant();
        claim(id, letter.eventId(), staffUserId, now);
        records.publish(republished(id, record));
        meters.counter("shop.notification.dead.letters.replayed", "topic", id.topic().alias()).increment();
        log.info("Dead letter {} ({} {}) replayed to {} by user {}", id, letter.eventType(), letter.eventId(),
                id.topic().topic(), staffUserId);
        return letter.withReplay(new DeadLetter.Replay(now, staffUserId));
    }

    private ConsumerRecord<byte[], byte[]> record(DeadLetterId id) {
        return records.at(id.topic().deadLetterTopic(), id.partition(), id.offset())
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
    }

    private void claim(DeadLetterId id, String eventId, long staffUserId, Instant now) {
        try {
            jdbc.update("INSERT INTO dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset, "
                    + "event_id, replayed_by, replayed_at) VALUES (?, ?, ?, ?, ?, ?)", id.topic().deadLetterTopic(),
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
            if (!name.startsWith("x-original-") && !name.startsWith("x-exception-") && !name.equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAYED_FROM, id.toString().getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(id.topic().topic(), null, record.key(), record.value(), headers);
    }

    private Map<String, DeadLetter.Replay> replays(DeadLetterTopic topic) {
        Map<String, DeadLetter.Replay> replays = new HashMap<>();
        jdbc.query("SELECT dead_letter_partition, dead_letter_offset, replayed_at, replayed_by FROM dead_letter_replay "
                + "WHERE dead_letter_topic = ?", rs -> {
                    replays.put(rs.getInt(1) + ":" + rs.getLong(2),
                            new DeadLetter.Replay(rs.getTimestamp(3).toInstant(), rs.getLong(4)));
                }, topic.deadLetterTopic());
        return replays;
    }

    private DeadLetter read(DeadLetterTopic topic, ConsumerRecord<byte[], byte[]> record) {
        Head head = head(record.value());
        String type = head.type() != null ? head.type() : header(record, EventHeaders.EVENT_TYPE);
        DeliveryFailure.ParsedReason reason = DeliveryFailure.parse(header(record, "x-exception-message"));
        String text = reason.text() == null ? null : Masking.text(firstLine(reason.text()));
        return new DeadLetter(new DeadLetterId(topic, record.partition(), record.offset()),
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
        catch (JacksonException ex) {
            return Head.NONE;
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
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
