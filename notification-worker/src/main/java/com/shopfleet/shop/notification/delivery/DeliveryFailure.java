package com.shopfleet.shop.notification.delivery;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * What the worker throws to the binder when an event's messages could not all be delivered. Its
 * class tells the binder what to do: {@link PermanentDeliveryFailure} is not retried
 * ({@code retryable-exceptions}) and goes to the dead-letter topic at once,
 * {@link TransientDeliveryFailure} is retried with backoff first. The message starts with
 * {@code [REASON]} so the reason can be read back from the dead letter's
 * {@code x-exception-message} header; it never carries personal data unmasked.
 */
public abstract sealed class DeliveryFailure extends RuntimeException
        permits PermanentDeliveryFailure, TransientDeliveryFailure {

    private static final Pattern REASON = Pattern.compile("\\[([A-Z_]+)]\\s*([^\\n]*)");

    private final FailureReason reason;
    private final String eventType;
    private final Channel channel;

    protected DeliveryFailure(FailureReason reason, String eventType, Channel channel, String message,
            Throwable cause) {
        super(message, cause, false, true);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.eventType = eventType;
        this.channel = channel;
    }

    /** A failure of one channel (or of the whole event when {@code channel} is null). */
    public static DeliveryFailure of(FailureReason reason, String eventType, Channel channel, String detail,
            Throwable cause) {
        String message = "[" + reason + "] " + (eventType == null ? "event" : eventType)
                + (channel == null ? "" : "/" + channel) + ": " + PiiMasking.text(detail);
        return reason.permanent() ? new PermanentDeliveryFailure(reason, eventType, channel, message, cause)
                : new TransientDeliveryFailure(reason, eventType, channel, message, cause);
    }

    /**
     * The failures of several channels of one event as one: transient when any of them is (trying
     * again may still deliver it), permanent only when none can succeed by retrying.
     */
    public static DeliveryFailure combine(List<DeliveryFailure> failures) {
        if (failures.size() == 1) {
            return failures.getFirst();
        }
        DeliveryFailure lead = failures.stream().filter(f -> !f.permanent()).findFirst().orElse(failures.getFirst());
        String message = failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        return lead.permanent()
                ? new PermanentDeliveryFailure(lead.reason(), lead.eventType(), null, message, null)
                : new TransientDeliveryFailure(lead.reason(), lead.eventType(), null, message, null);
    }

    /** The reason code and its text from a failure message (e.g. a dead letter's header), if it has one. */
    public static ParsedReason parse(String message) {
        if (message == null) {
            return new ParsedReason(null, null);
        }
        Matcher matcher = REASON.matcher(message);
        if (matcher.find()) {
            return new ParsedReason(matcher.group(1), message.substring(matcher.start()).strip());
        }
        return new ParsedReason(null, message.strip());
    }

    public FailureReason reason() {
        return reason;
    }

    public boolean permanent() {
        return reason.permanent();
    }

    public String eventType() {
        return eventType;
    }

    /** The channel that failed; null for a failure of the whole event or of several channels. */
    public Channel channel() {
        return channel;
    }

    /** A reason read back from a message: the code (null when there is none) and the text from it on. */
    public record ParsedReason(String code, String text) {
    }
}
