package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.order.OrderConfirmed;
import com.shopfleet.shop.contracts.events.order.OrderPaid;
import com.shopfleet.shop.contracts.events.order.OrderShipped;
import com.shopfleet.shop.notification.delivery.NotificationEventConsumer;

/** Once to the person: redeliveries, a channel failing after another went out, and racing deliveries. */
@NotificationIntegrationTest
class DeliveredOnceIntegrationTests extends WorkerTestSupport {

    @Autowired
    @Qualifier("orderEvents")
    NotificationEventConsumer orderEvents;

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() {
        String address = "twice@example.com";
        register(7001, address, "두번", "010-7001-0001", "ko");
        EventEnvelope<OrderConfirmed> confirmed = fresh(order(7001, "SF-TWICE-1"));

        publish(confirmed);
        publish(confirmed);
        publish(fresh(paid(7001, "SF-TWICE-MARKER")));

        // the marker is behind both copies on the same partition: once it arrived, both were handled
        awaitMails(address, subjectContains("SF-TWICE-MARKER"), 1);
        assertThat(mails(address, subjectContains("SF-TWICE-1"))).hasSize(1);
        assertThat(sentLogRows(confirmed.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                confirmed.eventId().toString())).isEqualTo(1);
    }

    @Test
    void whenTheMailFailsAfterTheSmsWentOutTheRetrySendsOnlyTheMail() {
        String address = "flaky.mailbox@example.com";
        register(7002, address, "불안정", "010-7002-0002", "ko");
        TestSmtp.failNextDeliveriesTo(address, 2);
        double retriedBefore = count("shop.notification.retried", "type", OrderShipped.TYPE, "channel", "mail");
        double duplicateSmsBefore = count("shop.notification.skipped", "type", OrderShipped.TYPE, "channel", "sms",
                "reason", "duplicate");
        EventEnvelope<OrderShipped> shipped = fresh(shipment(7002, "SF-FLAKY-1"));

        publish(shipped);

        awaitMails(address, subjectContains("SF-FLAKY-1"), 1);
        assertThat(mails(address, subjectContains("SF-FLAKY-1"))).hasSize(1);
        assertThat(smsTo("01070020002")).hasSize(1);
        assertThat(sentLogRows(shipped.eventId())).as("a mail and an SMS are two rows").isEqualTo(2);
        assertThat(count("shop.notification.retried", "type", OrderShipped.TYPE, "channel", "mail") - retriedBefore)
                .isEqualTo(2);
        assertThat(count("shop.notification.skipped", "type", OrderShipped.TYPE, "channel", "sms", "reason", "duplicate")
                - duplicateSmsBefore).isEqualTo(2);
        assertThat(count("shop.notification.failed", "type", OrderShipped.TYPE, "channel", "mail", "reason",
                "SMTP_TRANSIENT_REPLY")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoInstancesHandlingTheSameEventAtOnceSendOneMail() throws Exception {
        String address = "racing@example.com";
        register(7003, address, "경쟁", "010-7003-0003", "ko");
        EventEnvelope<OrderConfirmed> confirmed = fresh(order(7003, "SF-RACE-1"));
        Message<byte[]> message = MessageBuilder.withPayload(json.writeValueAsBytes(confirmed)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(pool.submit(() -> {
                    start.await();
                    try {
                        orderEvents.accept(message);
                    }
                    catch (RuntimeException ex) {
                        failures.add(ex); // a lost race may time out on the lock: the binder would retry it
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : running) {
                each.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        awaitMails(address, subjectContains("SF-RACE-1"), 1);
        assertThat(failures).hasSizeLessThanOrEqualTo(1);
        assertThat(mails(address, subjectContains("SF-RACE-1"))).hasSize(1);
        assertThat(sentLogRows(confirmed.eventId())).isEqualTo(1);
    }

    static OrderConfirmed order(long userId, String orderNumber) {
        OrderConfirmed golden = Golden.CONFIRMED;
        return new OrderConfirmed(golden.orderId(), orderNumber, userId, golden.lines(), golden.amounts());
    }

    static OrderPaid paid(long userId, String orderNumber) {
        OrderPaid golden = Golden.PAID;
        return new OrderPaid(golden.orderId(), orderNumber, userId, golden.paymentMethod(), golden.lines(),
                golden.amounts());
    }

    static OrderShipped shipment(long userId, String orderNumber) {
        OrderShipped golden = Golden.SHIPPED;
        return new OrderShipped(golden.orderId(), orderNumber, userId, golden.carrier(), golden.trackingNumber(),
                golden.shippingAddress(), golden.lines());
    }

    /** Payloads of the golden files, for events with ids and users of a test's own. */
    static final class Golden {

        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper
                .builder().build();

        static final OrderConfirmed CONFIRMED = GoldenFiles.<OrderConfirmed>event(OrderConfirmed.TYPE, JSON).payload();
        static final OrderPaid PAID = GoldenFiles.<OrderPaid>event(OrderPaid.TYPE, JSON).payload();
        static final OrderShipped SHIPPED = GoldenFiles.<OrderShipped>event(OrderShipped.TYPE, JSON).payload();
    }
}
