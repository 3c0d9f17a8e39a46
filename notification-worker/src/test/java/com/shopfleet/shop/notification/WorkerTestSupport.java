package com.shopfleet.shop.notification;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventHeaders;
import com.shopfleet.shop.contracts.events.EventTypes;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.notification.delivery.LoggingSmsSender;
import com.shopfleet.shop.notification.localmail.LocalMailbox;
import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * What the worker's integration tests share: publishing events to the embedded broker as the
 * fleet's producers do, reading the test SMTP server and the SMS adapter's record, metrics, and the
 * staff API with identity tokens. Every test uses user ids and addresses of its own (the context,
 * its database and the SMTP server are shared), and golden event ids only once.
 */
abstract class WorkerTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LoggingSmsSender sms;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private Producer<String, byte[]> producer;

    @AfterEach
    void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    <P extends IntegrationEvent> EventEnvelope<P> golden(String type) {
        return GoldenFiles.event(type, json);
    }

    /** A new event (fresh id, now) with the payload given. */
    static <P extends IntegrationEvent> EventEnvelope<P> fresh(P payload) {
        return EventEnvelope.of(payload);
    }

    static <P> EventEnvelope<P> at(EventEnvelope<P> event, Instant occurredAt) {
        return new EventEnvelope<>(event.eventId(), event.type(), event.schemaVersion(), event.aggregateId(),
                event.aggregateVersion(), occurredAt, event.payload());
    }

    /** As the producers' outbox sends it: key = aggregate id, JSON value, event-type/event-version headers. */
    void publish(EventEnvelope<?> envelope) {
        String topic = EventTypes.find(envelope.type()).orElseThrow().topic();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, envelope.aggregateId(),
                json.writeValueAsBytes(envelope), List.of(
                        new RecordHeader(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader(EventHeaders.EVENT_VERSION,
                                Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8))));
        send(record);
    }

    void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                    new ByteArraySerializer()).createProducer();
        }
        try {
            producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not publish to " + record.topic(), ex);
        }
    }

    /** Registers a user (a fresh UserRegistered) and waits for the welcome mail, so the contact exists. */
    EventEnvelope<UserRegistered> register(long userId, String email, String name, String phone, String locale) {
        EventEnvelope<UserRegistered> registered = fresh(new UserRegistered(userId, email, name, phone, locale, false));
        publish(registered);
        awaitMails(email, mail -> true, 1);
        return registered;
    }

    /** Waits until {@code address} received at least {@code count} mails matching, and returns those. */
    List<LocalMailbox.ReceivedMail> awaitMails(String address, Predicate<LocalMailbox.ReceivedMail> matching, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> mails(address, matching), found -> found.size() >= count);
    }

    List<LocalMailbox.ReceivedMail> mails(String address, Predicate<LocalMailbox.ReceivedMail> matching) {
        return TestSmtp.mailsTo(address).stream().filter(matching).toList();
    }

    static Predicate<LocalMailbox.ReceivedMail> subjectContains(String text) {
        return mail -> mail.subject() != null && mail.subject().contains(text);
    }

    List<LoggingSmsSender.LoggedSms> smsTo(String number) {
        return sms.recent().stream().filter(message -> message.to().equals(number)).toList();
    }

    List<LoggingSmsSender.LoggedSms> awaitSms(String number, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> smsTo(number), found -> found.size() >= count);
    }

    /** The sum of a counter over every series whose tags include {@code tags} (name, value, …). */
    double count(String meter, String... tags) {
        return meters.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    int sentLogRows(UUID eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification WHERE event_id = ?", Integer.class,
                eventId.toString());
    }

    HttpResponse<String> get(String path, Role role) {
        return call(HttpRequest.newBuilder(uri(path)).GET(), role, Map.of());
    }

    HttpResponse<String> post(String path, Role role, Map<String, String> headers) {
        return call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), role, headers);
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static final long STAFF_ID = 9_001L;

    private HttpResponse<String> call(HttpRequest.Builder request, Role role, Map<String, String> headers) {
        if (role != null) {
            request.header(IdentityToken.HEADER, TestIdentities.token("notification-worker", STAFF_ID, role));
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
