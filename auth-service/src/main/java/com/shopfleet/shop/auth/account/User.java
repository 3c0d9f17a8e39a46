package com.shopfleet.shop.auth.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * An account. Guards its own state: a withdrawn account changes no more, and withdrawal erases
 * every personal field (email, name, phone, password hash, consents), keeping only the id, role and
 * dates. Never serialized: responses map it in one place ({@link Profile}).
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String emailNormalized;

    private String name;

    private String phone;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String locale;

    @Enumerated(EnumType.STRING)
    private UserStatus status;

    private boolean marketingConsent;

    private Instant age14ConfirmedAt;

    private Instant termsAgreedAt;

    private Instant privacyAgreedAt;

    private Instant marketingConsentedAt;

    private Instant passwordChangedAt;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant withdrawnAt;

    @Version
    private long version;

    protected User() {
    }

    /** A new shopper who agreed to the required terms (age 14+, terms, privacy) at {@code now}. */
    static User register(EmailAddress email, String name, PhoneNumber phone, String passwordHash, String locale,
            boolean marketingConsent, Instant now) {
        User user = new User();
        user.email = email.value();
        user.emailNormalized = email.normalized();
        user.name = name;
        user.phone = phone.digits();
        user.passwordHash = passwordHash;
        user.role = Role.USER;
        user.locale = locale;
        user.status = UserStatus.ACTIVE;
        user.marketingConsent = marketingConsent;
        user.age14ConfirmedAt = now;
        user.termsAgreedAt = now;
        user.privacyAgreedAt = now;
        user.marketingConsentedAt = marketingConsent ? now : null;
        user.passwordChangedAt = now;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    void changeProfile(String newName, PhoneNumber newPhone, String newLocale, Boolean newMarketingConsent, Instant now) {
        requireActive();
        if (newName != null) {
            name = newName;
        }
        if (newPhone != null) {
            phone = newPhone.digits();
        }
        if (newLocale != null) {
            locale = newLocale;
        }
        if (newMarketingConsent != null && newMarketingConsent != marketingConsent) {
            marketingConsent = newMarketingConsent;
            marketingConsentedAt = newMarketingConsent ? now : null;
        }
        updatedAt = now;
    }

    void changePasswordHash(String newHash, Instant now) {
        requireActive();
        passwordHash = newHash;
        passwordChangedAt = now;
        updatedAt = now;
    }

    /** A stronger encoding of the same password (e.g. after the encoder's defaults moved on). */
    void rehash(String newHash) {
        requireActive();
        passwordHash = newHash;
    }

    void changeRole(Role newRole, Instant now) {
        requireActive();
        role = newRole;
        updatedAt = now;
    }

    /** Erases every personal field: the account cannot log in again and its email and phone are free. */
    void withdraw(Instant now) {
        requireActive();
        status = UserStatus.WITHDRAWN;
        email = null;
        emailNormalized = null;
        name = null;
        phone = null;
        passwordHash = null;
        marketingConsent = false;
        age14ConfirmedAt = null;
        termsAgreedAt = null;
        privacyAgreedAt = null;
        marketingConsentedAt = null;
        passwordChangedAt = null;
        withdrawnAt = now;
        updatedAt = now;
    }

    private void requireActive() {
        if (status != UserStatus.ACTIVE) {
            throw new ShopException(ErrorCode.NOT_FOUND);
        }
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public PhoneNumber phone() {
        return phone == null ? null : new PhoneNumber(phone);
    }

    public Role role() {
        return role;
    }

    public String locale() {
        return locale;
    }

    public UserStatus status() {
        return status;
    }

    public boolean marketingConsent() {
        return marketingConsent;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public long version() {
        return version;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role + ", status=" + status + "]";
    }
}
