package com.shopfleet.shop.notification.contact;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.notification.delivery.Locales;

/**
 * How to reach a person, replicated from auth-service's events. A newer state wins by the events'
 * aggregate version (equal versions: the later event, as a producer without versions sends 0);
 * a withdrawal erases everything personal for good and keeps only the fact, so late or replayed
 * events cannot bring the data back.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @Column(name = "user_id")
    private Long userId;

    private String email;

    private String phone;

    private String name;

    @Column(nullable = false)
    private String locale;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    @Column(name = "aggregate_version", nullable = false)
    private long aggregateVersion;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Contact() {
    }

    private Contact(long userId, Instant now) {
        this.userId = userId;
        this.locale = Locale.KOREAN.getLanguage();
        this.aggregateVersion = Long.MIN_VALUE;
        this.updatedAt = now;
    }

    static Contact registered(UserRegistered registered, long version, Instant now) {
        Contact contact = new Contact(registered.userId(), now);
        contact.register(registered, version, now);
        return contact;
    }

    /** A user first heard of through an update (their registration is older than the topic keeps). */
    static Contact updated(UserUpdated updated, long version, Instant now) {
        Contact contact = new Contact(updated.userId(), now);
        contact.update(updated, version, now);
        return contact;
    }

    /** A user first heard of through their withdrawal: only the fact is kept. */
    static Contact withdrawn(long userId, Instant now) {
        Contact contact = new Contact(userId, now);
        contact.withdraw(now);
        return contact;
    }

    /** @return whether anything changed */
    boolean register(UserRegistered registered, long version, Instant now) {
        if (isWithdrawn()) {
            return false;
        }
        if (version < aggregateVersion) {
            // a replayed registration: only the address, which no other event carries, may still be missing
            if (email == null && registered.email() != null) {
                email = registered.email();
                updatedAt = now;
                return true;
            }
            return false;
        }
        email = registered.email();
        apply(registered.name(), registered.phone(), registered.locale(), registered.marketingConsent(), version, now);
        return true;
    }

    /** @return whether anything changed */
    boolean update(UserUpdated updated, long version, Instant now) {
        if (isWithdrawn() || version < aggregateVersion) {
            return false;
        }
        apply(updated.name(), updated.phone(), updated.locale(), updated.marketingConsent(), version, now);
        return true;
    }

    void withdraw(Instant now) {
        email = null;
        phone = null;
        name = null;
        marketingConsent = false;
        withdrawnAt = now;
        updatedAt = now;
    }

    private void apply(String name, String phone, String locale, boolean marketingConsent, long version, Instant now) {
        this.name = name;
        this.phone = phone;
        this.locale = Locales.tag(locale);
        this.marketingConsent = marketingConsent;
        this.aggregateVersion = version;
        this.updatedAt = now;
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String name() {
        return name;
    }

    public Locale locale() {
        return Locales.of(locale);
    }

    /** Kept for messages that need it (none of the current ones do: they are all transactional). */
    public boolean marketingConsent() {
        return marketingConsent;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
