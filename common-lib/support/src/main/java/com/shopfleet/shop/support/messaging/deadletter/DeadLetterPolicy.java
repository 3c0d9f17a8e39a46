package com.shopfleet.shop.support.messaging.deadletter;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service may decide about its dead letters (declare a bean to replace the default): how a
 * failure is shown to staff (masking personal data) and whether a dead letter may still be replayed.
 */
public interface DeadLetterPolicy {

    /** The default: the root cause of the stack trace the binder stored, unmasked; every dead letter replayable. */
    DeadLetterPolicy DEFAULT = new DeadLetterPolicy() {
    };

    /**
     * @param exceptionMessage    the binder's {@code x-exception-message} header (may be null)
     * @param exceptionStacktrace the binder's {@code x-exception-stacktrace} header (may be null)
     */
    default Reason reason(String exceptionMessage, String exceptionStacktrace) {
        return Reason.rootCause(exceptionMessage, exceptionStacktrace);
    }

    /**
     * Refuses a replay that would do harm (throw a {@code ShopException}, e.g. a 422 for an expired
     * one-time code); the default accepts every one.
     */
    default void checkReplayable(DeadLetter letter, Instant now) {
    }

    /**
     * @param code a short code (e.g. the root exception's simple class name), null when unknown
     * @param text one line for staff
     */
    record Reason(String code, String text) {

        private static final Pattern CAUSE = Pattern.compile("(?m)^Caused by: ([\\w.$]+)(?::\\s*(.*))?$");
        private static final Pattern FIRST = Pattern.compile("\\A([\\w.$]+)(?::\\s*(.*))?$", Pattern.MULTILINE);

        /** The innermost {@code Caused by:} of a stack trace, else its first line, else the message. */
        public static Reason rootCause(String message, String stacktrace) {
            if (stacktrace != null && !stacktrace.isBlank()) {
                String type = null;
                String detail = null;
                Matcher cause = CAUSE.matcher(stacktrace);
                while (cause.find()) {
                    type = cause.group(1);
                    detail = cause.group(2);
                }
                if (type == null) {
                    Matcher first = FIRST.matcher(stacktrace.strip());
                    if (first.find()) {
                        type = first.group(1);
                        detail = first.group(2);
                    }
                }
                if (type != null) {
                    String simple = type.substring(type.lastIndexOf('.') + 1);
                    String text = detail == null || detail.isBlank() ? simple : simple + ": " + detail.strip();
                    return new Reason(simple, text);
                }
            }
            return new Reason(null, message == null ? null : firstLine(message));
        }

        private static String firstLine(String text) {
            int newline = text.indexOf('\n');
            return (newline < 0 ? text : text.substring(0, newline)).strip();
        }
    }
}
