package com.shopfleet.shop.notification.contact;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.SentLog;

/**
 * The contact replica: kept from {@code UserRegistered} / {@code UserUpdated}, erased on
 * {@code UserWithdrawn}, read to address messages about orders and prizes (whose events carry only
 * a user id).
 */
@Service
public class ContactBook {

    private static final Logger log = LoggerFactory.getLogger(ContactBook.class);

    private final ContactRepository contacts;
    private final SentLog sentLog;
    private final Clock clock;

    ContactBook(ContactRepository contacts, SentLog sentLog, Clock clock) {
        this.contacts = contacts;
        this.sentLog = sentLog;
        this.clock = clock;
    }

    /**
     * Commits on its own (not with the event's inbox mark): the replica keeps the new person even
     * when their welcome mail fails and the event is retried or dead-lettered.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void register(UserRegistered registered, long version) {
        contacts.findById(registered.userId()).ifPresentOrElse(
                contact -> contact.register(registered, version, clock.instant()),
                () -> contacts.save(Contact.registered(registered, version, clock.instant())));
    }

    @Transactional
    public void update(UserUpdated updated, long version) {
        contacts.findById(updated.userId()).ifPresentOrElse(
                contact -> {
                    if (!contact.update(updated, version, clock.instant())) {
                        log.info("UserUpdated v{} for user {} ignored (withdrawn or stale)", version, updated.userId());
                    }
                },
                () -> contacts.save(Contact.updated(updated, version, clock.instant())));
    }

    /** Erases the contact (keeping a tombstone) and who the sent log's rows went to. */
    @Transactional
    public void withdraw(long userId) {
        contacts.findById(userId).ifPresentOrElse(contact -> contact.withdraw(clock.instant()),
                () -> contacts.save(Contact.withdrawn(userId, clock.instant())));
        int forgotten = sentLog.forgetUser(userId);
        log.info("User {} withdrew: contact erased, {} sent-log rows anonymized", userId, forgotten);
    }

    /**
     * The person to notify about something of theirs: empty when they withdrew (nothing is sent);
     * throws {@link FailureReason#CONTACT_UNKNOWN} while no contact arrived yet (retried, since the
     * user topic may simply be behind, then dead-lettered).
     */
    @Transactional(readOnly = true)
    public Optional<Recipient> recipient(long userId) {
        Contact contact = contacts.findById(userId).orElseThrow(() -> new DeliveryException(
                FailureReason.CONTACT_UNKNOWN, "no contact known for user " + userId + " yet (no UserRegistered)"));
        return contact.isWithdrawn() ? Optional.empty()
                : Optional.of(new Recipient(contact.userId(), contact.email(), contact.phone(), contact.name(),
                        contact.locale()));
    }
}
