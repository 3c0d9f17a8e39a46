package com.shopfleet.shop.notification.prize;

import java.util.Map;

import org.springframework.stereotype.Service;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import com.shopfleet.shop.notification.contact.ContactBook;
import com.shopfleet.shop.notification.delivery.Deliveries;
import com.shopfleet.shop.notification.delivery.Delivery;
import com.shopfleet.shop.notification.delivery.MailTemplates;
import com.shopfleet.shop.notification.delivery.Prepared;

/** A mail to the winner of a first-come-first-served event, addressed from the contact replica. */
@Service
public class PrizeNotifications {

    private final Deliveries deliveries;
    private final MailTemplates templates;
    private final ContactBook contacts;

    PrizeNotifications(Deliveries deliveries, MailTemplates templates, ContactBook contacts) {
        this.deliveries = deliveries;
        this.templates = templates;
        this.contacts = contacts;
    }

    public void won(EventEnvelope<?> envelope, PrizeWon prize) {
        deliveries.deliver(envelope, prize.userId(), Delivery.mail(() -> contacts.recipient(prize.userId())
                .map(recipient -> Prepared.mail(recipient.requireEmail(), templates.render("prize-won", recipient.locale(),
                        Map.of("greeting", templates.greeting(recipient.name(), recipient.locale()),
                                "eventTitle", String.valueOf(prize.eventTitle()),
                                "prizePoints", prize.prizePoints(),
                                "rank", prize.rank(),
                                "occurredAt", templates.time(envelope.occurredAt(), recipient.locale())))))
                .orElseGet(() -> Prepared.skip("withdrawn"))));
    }
}
