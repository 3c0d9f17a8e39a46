package com.shopfleet.shop.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * The SMS adapter of the local profile and the tests: logs each message (number and text masked)
 * and keeps the latest ones in memory, newest first, for {@code GET /local/mail} and for tests.
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    private final Deque<LoggedSms> recent = new ConcurrentLinkedDeque<>();
    private final int capacity;
    private final Clock clock;

    public LoggingSmsSender(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public void send(SmsMessage message) {
        recent.addFirst(new LoggedSms(clock.instant(), message.to(), message.text(), message.reference()));
        while (recent.size() > capacity) {
            recent.pollLast();
        }
        log.info("SMS to {} ({}): {}", PiiMasking.phone(message.to()), message.reference(), PiiMasking.text(message.text()));
    }

    /** The messages kept, newest first. */
    public List<LoggedSms> recent() {
        return new ArrayList<>(recent);
    }

    /** One message as the logging adapter recorded it (unmasked: it serves the local page and tests). */
    public record LoggedSms(Instant sentAt, String to, String text, String reference) {
    }
}
