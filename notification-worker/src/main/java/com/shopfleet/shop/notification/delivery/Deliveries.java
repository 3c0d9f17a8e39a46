package com.shopfleet.shop.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.notification.delivery.internal.MailChannel;
import com.shopfleet.shop.notification.delivery.internal.SmsChannel;

/**
 * Sends an event's messages, each channel at most once.
 *
 * <p>Per channel: skip it when the sent log already has (event, channel); otherwise prepare the
 * message, then in a transaction of its own claim the sent-log row, hand the message to SMTP / the
 * SMS provider and commit. A mail that went out stays logged even when the event's SMS fails
 * afterwards, so the retry sends only the SMS. The one window left: a crash (or a lost database)
 * after SMTP accepted a mail and before the row committed resends that mail once on redelivery — it
 * carries the same {@code Message-ID}, and an HTTP SMS the same idempotency key.
 *
 * <p>Every channel is tried even when an earlier one failed; the failures are then thrown together
 * (transient if any of them is), so the binder retries or dead-letters the event.
 */
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final SentLog sentLog;
    private final MailChannel mail;
    private final SmsChannel sms;
    private final TransactionOperations ownTransaction;
    private final DeliveryMetrics metrics;

    public Deliveries(SentLog sentLog, MailChannel mail, SmsChannel sms, TransactionOperations ownTransaction,
            DeliveryMetrics metrics) {
        this.sentLog = sentLog;
        this.mail = mail;
        this.sms = sms;
        this.ownTransaction = ownTransaction;
        this.metrics = metrics;
    }

    /**
     * @param envelope   the event (its id keys the sent log, its type tags the metrics)
     * @param userId     whom the messages are for (kept in the sent log until they withdraw)
     * @param deliveries the channels, in order
     * @throws DeliveryFailure when a channel could not be delivered
     */
    public void deliver(EventEnvelope<?> envelope, Long userId, Delivery... deliveries) {
        DeliveryAttempt attempt = DeliveryAttempt.current();
        List<DeliveryFailure> failures = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            try {
                deliverOne(envelope, userId, delivery, attempt);
            }
            catch (RuntimeException ex) {
                failures.add(failure(ex, envelope.type(), delivery.channel()));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        DeliveryFailure failure = DeliveryFailure.combine(failures);
        boolean deadLettered = failure.permanent() || attempt.isLast();
        for (DeliveryFailure each : failures) {
            metrics.failed(envelope.type(), each.channel(), each.reason(), deadLettered);
        }
        log.warn("Event {} {} attempt {}/{} not delivered{}: {}", envelope.type(), envelope.eventId(), attempt.number(),
                attempt.maxAttempts() == Integer.MAX_VALUE ? "-" : attempt.maxAttempts(),
                deadLettered ? ", dead-lettered" : ", will retry", failure.getMessage());
        throw failure;
    }

    private void deliverOne(EventEnvelope<?> envelope, Long userId, Delivery delivery, DeliveryAttempt attempt) {
        UUID eventId = envelope.eventId();
        Channel channel = delivery.channel();
        if (sentLog.contains(eventId, channel)) {
            metrics.skipped(envelope.type(), channel, "duplicate");
            log.info("{} {} {} already sent: skipped", envelope.type(), eventId, channel);
            return;
        }
        if (attempt.isRetry()) {
            metrics.retried(envelope.type(), channel);
        }
        Prepared prepared = delivery.preparation().get();
        if (prepared instanceof Prepared.Skip skip) {
            metrics.skipped(envelope.type(), channel, skip.reason());
            log.info("{} {} {}: nothing to send ({})", envelope.type(), eventId, channel, skip.reason());
            return;
        }
        if (prepared.getClass() != expected(channel)) {
            throw new IllegalStateException(channel + " delivery prepared a " + prepared.getClass().getSimpleName());
        }
        Boolean sent = ownTransaction.execute(status -> {
            if (!sentLog.claim(eventId, channel, envelope.type(), userId, prepared.maskedRecipient())) {
                return false;
            }
            switch (prepared) {
                case Prepared.Mail message -> mail.send(message, eventId);
                case Prepared.Sms message -> sms.send(message, eventId);
                case Prepared.Skip ignored -> throw new IllegalStateException("skips are not sent");
            }
            return true;
        });
        if (Boolean.TRUE.equals(sent)) {
            metrics.sent(envelope.type(), channel);
            log.info("Sent {} {} for {} {} to {}", channel, prepared instanceof Prepared.Mail m
                    ? "\"" + m.content().subject() + "\"" : "message", envelope.type(), eventId, prepared.maskedRecipient());
        }
        else {
            metrics.skipped(envelope.type(), channel, "duplicate");
            log.info("{} {} {} claimed concurrently: skipped", envelope.type(), eventId, channel);
        }
    }

    private static Class<? extends Prepared> expected(Channel channel) {
        return switch (channel) {
            case MAIL -> Prepared.Mail.class;
            case SMS -> Prepared.Sms.class;
        };
    }

    private static DeliveryFailure failure(RuntimeException ex, String type, Channel channel) {
        if (ex instanceof DeliveryFailure failure) {
            return failure;
        }
        if (ex instanceof DeliveryException delivery) {
            return DeliveryFailure.of(delivery.reason(), type, channel, delivery.getMessage(),
                    delivery.reason() == FailureReason.UNEXPECTED ? delivery : null);
        }
        return DeliveryFailure.of(FailureReason.UNEXPECTED, type, channel, ex.getClass().getSimpleName() + ": "
                + ex.getMessage(), ex);
    }
}
