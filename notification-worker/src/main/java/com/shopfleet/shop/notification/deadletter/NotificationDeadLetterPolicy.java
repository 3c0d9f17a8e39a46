package com.shopfleet.shop.notification.deadletter;

import java.time.Instant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.notification.delivery.DeliveryFailure;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.logging.PiiMasking;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetter;
import com.shopfleet.shop.support.messaging.deadletter.DeadLetterPolicy;

/**
 * The worker's rules over support's dead-letter API ({@code /api/admin/notifications/dead-letters}):
 * the reason is the {@code [REASON]} a {@link DeliveryFailure} put in the exception message, with
 * addresses and numbers masked; a password-reset code older than its window is not sent again.
 */
@Component
@EnableConfigurationProperties(DeadLetterProperties.class)
class NotificationDeadLetterPolicy implements DeadLetterPolicy {

    private final DeadLetterProperties properties;

    NotificationDeadLetterPolicy(DeadLetterProperties properties) {
        this.properties = properties;
    }

    @Override
    public Reason reason(String exceptionMessage, String exceptionStacktrace) {
        DeliveryFailure.ParsedReason reason = DeliveryFailure.parse(exceptionMessage);
        return new Reason(reason.code(), reason.text() == null ? null : PiiMasking.text(firstLine(reason.text())));
    }

    @Override
    public void checkReplayable(DeadLetter letter, Instant now) {
        if (PasswordResetRequested.TYPE.equals(letter.eventType()) && letter.occurredAt() != null
                && letter.occurredAt().plus(properties.codeReplayWindow()).isBefore(now)) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "deadletter.code-expired");
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
