package com.shopfleet.shop.notification.account;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.notification.delivery.Deliveries;
import com.shopfleet.shop.notification.delivery.Delivery;
import com.shopfleet.shop.notification.delivery.Locales;
import com.shopfleet.shop.notification.delivery.MailTemplates;
import com.shopfleet.shop.notification.delivery.Prepared;

/**
 * Messages about a person's account. Their events carry the address and language themselves, so
 * they never wait for the contact replica: a welcome mail, the password-reset code by mail and the
 * masked login email by SMS.
 */
@Service
public class AccountNotifications {

    private final Deliveries deliveries;
    private final MailTemplates templates;

    AccountNotifications(Deliveries deliveries, MailTemplates templates) {
        this.deliveries = deliveries;
        this.templates = templates;
    }

    public void welcome(EventEnvelope<?> envelope, UserRegistered registered) {
        Locale locale = Locales.of(registered.locale());
        deliveries.deliver(envelope, registered.userId(), Delivery.mail(() -> Prepared.mail(registered.email(),
                templates.render("welcome", locale, Map.of(
                        "greeting", templates.greeting(registered.name(), locale),
                        "email", String.valueOf(registered.email()))))));
    }

    /** The code is in the mail only: never in a log line, the sent log or a metric. */
    public void passwordResetCode(EventEnvelope<?> envelope, PasswordResetRequested requested) {
        Locale locale = Locales.of(requested.locale());
        deliveries.deliver(envelope, requested.userId(), Delivery.mail(() -> Prepared.mail(requested.email(),
                templates.render("password-reset", locale, Map.of(
                        "greeting", templates.greeting(requested.name(), locale),
                        "code", String.valueOf(requested.code()),
                        "requestedAt", templates.time(envelope.occurredAt(), locale))))));
    }

    public void emailLookup(EventEnvelope<?> envelope, EmailLookupRequested requested) {
        Locale locale = Locales.of(requested.locale());
        deliveries.deliver(envelope, requested.userId(), Delivery.sms(() -> Prepared.sms(requested.phone(),
                templates.text("sms.email-lookup", locale, requested.maskedEmail()))));
    }
}
