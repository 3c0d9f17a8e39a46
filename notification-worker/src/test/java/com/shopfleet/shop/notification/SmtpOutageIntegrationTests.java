package com.shopfleet.shop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;

/** SMTP down for a while: the binder's retries with backoff deliver the mail once it is back. */
@NotificationIntegrationTest
class SmtpOutageIntegrationTests extends WorkerTestSupport {

    @Test
    void aMailWaitingForSmtpIsDeliveredOnceItReturns() {
        String address = "outage@example.com";
        double failedBefore = count("shop.notification.failed", "type", UserRegistered.TYPE, "channel", "mail",
                "reason", "SMTP_UNAVAILABLE");
        double retriedBefore = count("shop.notification.retried", "type", UserRegistered.TYPE, "channel", "mail");
        EventEnvelope<UserRegistered> registered = fresh(new UserRegistered(7101, address, "정전", null, "ko", false));

        TestSmtp.stop();
        try {
            publish(registered);
            await().atMost(PATIENCE).until(() -> count("shop.notification.failed", "type", UserRegistered.TYPE,
                    "channel", "mail", "reason", "SMTP_UNAVAILABLE") - failedBefore >= 2);
        }
        finally {
            TestSmtp.start();
        }

        awaitMails(address, subjectContains("환영합니다"), 1);
        assertThat(mails(address, mail -> true)).hasSize(1);
        assertThat(sentLogRows(registered.eventId())).isEqualTo(1);
        assertThat(count("shop.notification.retried", "type", UserRegistered.TYPE, "channel", "mail") - retriedBefore)
                .isGreaterThanOrEqualTo(2);
        assertThat(count("shop.notification.dead.lettered", "type", UserRegistered.TYPE, "reason", "SMTP_UNAVAILABLE"))
                .isZero();
    }
}
