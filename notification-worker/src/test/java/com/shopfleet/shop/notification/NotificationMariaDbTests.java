package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.notification.contact.ContactBook;
import com.shopfleet.shop.notification.delivery.Channel;
import com.shopfleet.shop.notification.delivery.Deliveries;
import com.shopfleet.shop.notification.delivery.Delivery;
import com.shopfleet.shop.notification.delivery.MailContent;
import com.shopfleet.shop.notification.delivery.Prepared;
import com.shopfleet.shop.notification.delivery.SentLog;
import com.shopfleet.shop.testsupport.MariaDbMigrationContract;
import com.shopfleet.shop.testsupport.MariaDbTest;

/**
 * The MariaDB tier: the migrations and Hibernate's validation on the real MariaDB, and what the
 * once-only guarantee rests on there — duplicate keys on the sent log and the replay claims, and
 * two deliveries of one event racing on InnoDB's row locks. No broker: the Stream bindings are off.
 */
@MariaDbTest
@SpringBootTest(properties = { "spring.cloud.function.definition=", "spring.cloud.stream.function.autodetect=false" })
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
class NotificationMariaDbTests extends MariaDbMigrationContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_notification");
    }

    @Autowired
    SentLog sentLog;

    @Autowired
    Deliveries deliveries;

    @Autowired
    ContactBook contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theSentLogRefusesASecondClaimOfAnEventAndChannel() {
        UUID eventId = UUID.randomUUID();

        assertThat(claim(eventId, Channel.MAIL)).isTrue();
        assertThat(claim(eventId, Channel.MAIL)).isFalse();
        assertThat(claim(eventId, Channel.SMS)).isTrue();
        assertThat(sentLog.contains(eventId, Channel.MAIL)).isTrue();
        assertThat(sentLog.forgetUser(8001L)).isEqualTo(2);
    }

    private boolean claim(UUID eventId, Channel channel) {
        Boolean claimed = transactions.execute(s -> sentLog.claim(eventId, channel, "OrderPaid", 8001L, "mi***@example.com"));
        return Boolean.TRUE.equals(claimed);
    }

    @Test
    void twoDeliveriesOfOneEventRacingSendOneMail() throws Exception {
        String address = "mariadb.race@example.com";
        EventEnvelope<UserRegistered> event = EventEnvelope.of(new UserRegistered(8002, address, "경쟁", null, "ko", false));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                deliveries.deliver(event, 8002L, Delivery.mail(() -> Prepared.mail(address,
                        new MailContent("race " + event.eventId(), "<p>race</p>", "race"))));
            }));
        }
        start.countDown();
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).join();

        assertThat(TestSmtp.mailsTo(address)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification WHERE event_id = ?", Integer.class,
                event.eventId().toString())).isEqualTo(1);
    }

    @Test
    void theContactReplicaIsKeptAndErased() {
        contacts.register(new UserRegistered(8003, "maria.contact@example.com", "마리아", "010-8003-0003", "en", true), 1);
        contacts.update(new UserUpdated(8003, "마리아", "010-8003-9999", "ko", false), 2);
        Map<String, Object> kept = jdbc.queryForMap("SELECT * FROM contact WHERE user_id = 8003");
        assertThat(kept).containsEntry("email", "maria.contact@example.com").containsEntry("phone", "010-8003-9999")
                .containsEntry("locale", "ko");
        assertThat(kept.get("marketing_consent")).isIn(false, 0, (byte) 0);

        contacts.withdraw(8003);

        Map<String, Object> erased = jdbc.queryForMap("SELECT * FROM contact WHERE user_id = 8003");
        assertThat(erased.get("email")).isNull();
        assertThat(erased.get("phone")).isNull();
        assertThat(erased.get("withdrawn_at")).isNotNull();
    }

    @Test
    void aDeadLetterIsClaimedForReplayOnlyOnce() {
        String insert = "INSERT INTO dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset, "
                + "event_id, replayed_by, replayed_at) VALUES ('shop.order.order.notification.dlt', 0, 42, NULL, 9001, ?)";
        jdbc.update(insert, Timestamp.from(Instant.now()));

        assertThatThrownBy(() -> jdbc.update(insert, Timestamp.from(Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
