package com.shopfleet.shop.notification.delivery;

/**
 * Why a message could not be delivered, and whether trying again can help. A permanent reason sends
 * the event to the dead-letter topic at once; a transient one is retried with backoff by the binder
 * and dead-lettered only when the attempts are used up.
 */
public enum FailureReason {

    /** No contact for the user yet: UserRegistered may still be on its way (another topic). */
    CONTACT_UNKNOWN(false),
    /** The contact has no email address (it was learnt from UserUpdated alone). */
    CONTACT_WITHOUT_EMAIL(true),
    /** The recipient's email address is not a valid address. */
    INVALID_ADDRESS(true),
    /** The phone number is not one an SMS can be sent to. */
    INVALID_PHONE(true),
    /** The SMTP server could not be reached or broke off. */
    SMTP_UNAVAILABLE(false),
    /** The SMTP server answered 4xx (try again later). */
    SMTP_TRANSIENT_REPLY(false),
    /** The SMTP server answered 5xx (it will not take this message). */
    SMTP_REJECTED(true),
    /** The SMTP server refused our credentials: a configuration fix, then a replay. */
    SMTP_AUTH_FAILED(false),
    /** The SMS provider could not be reached, timed out, throttled us or failed (5xx). */
    SMS_PROVIDER_UNAVAILABLE(false),
    /** The SMS provider refused the message (4xx). */
    SMS_REJECTED(true),
    /** A message could not be rendered from its template: a bug, not worth retrying. */
    TEMPLATE_FAILED(true),
    /** The record is not an event envelope the worker can read. */
    MALFORMED_EVENT(true),
    /** Anything else (e.g. the database is down): retried. */
    UNEXPECTED(false);

    private final boolean permanent;

    FailureReason(boolean permanent) {
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    /** A sign that SMTP, the SMS provider or the database is in trouble, rather than one bad message. */
    public boolean outage() {
        return this == SMTP_UNAVAILABLE || this == SMTP_TRANSIENT_REPLY || this == SMTP_AUTH_FAILED
                || this == SMS_PROVIDER_UNAVAILABLE || this == UNEXPECTED;
    }
}
