package com.shopfleet.shop.auth.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * Accounts: signup, profile changes, roles, passwords and withdrawal, each with the event it causes
 * recorded in the same transaction. Uniqueness of email (case-insensitively, through the normalized
 * column) and phone is the database's job: a concurrent duplicate fails on the unique key and is
 * answered with 409 naming the field.
 */
@Service
public class Accounts {

    private final UserRepository users;
    private final Passwords passwords;
    private final Outbox outbox;
    private final UserSessions sessions;
    private final Clock clock;

    Accounts(UserRepository users, Passwords passwords, Outbox outbox, UserSessions sessions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.outbox = outbox;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What signup needs; the password is the one decrypted from the credentials. */
    public record Registration(String email, String name, String phone, String locale, boolean marketingConsent,
            String password) {

        @Override
        public String toString() {
            return "Registration[email=" + email + ", password=(hidden)]";
        }
    }

    /** Creates an account (role USER) and records {@code UserRegistered}; the password field is {@code passwordField}. */
    @Transactional
    public User register(Registration registration, String passwordField) {
        PhoneNumber phone = phone(registration.phone());
        passwords.requireAcceptable(passwordField, registration.password(), registration.email());
        User user = User.register(EmailAddress.of(registration.email()), registration.name().trim(), phone,
                passwords.hash(registration.password()), registration.locale(), registration.marketingConsent(),
                clock.instant());
        save(user);
        outbox.record(new UserRegistered(user.id(), user.email(), user.name(), phone.formatted(), user.locale(),
                user.marketingConsent()), user.version());
        return user;
    }

    @Transactional(readOnly = true)
    public Optional<User> findActiveByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmailNormalized(EmailAddress.normalize(email)).filter(User::isActive);
    }

    @Transactional(readOnly = true)
    public Optional<User> findActiveByPhone(PhoneNumber phone) {
        return users.findByPhone(phone.digits()).filter(User::isActive);
    }

    @Transactional(readOnly = true)
    public Optional<User> findActive(long userId) {
        return users.findById(userId).filter(User::isActive);
    }

    /** The caller's own account; a session of an account that is gone is no longer a login. */
    @Transactional(readOnly = true)
    public User requireActive(long userId) {
        return findActive(userId).orElseThrow(() -> new ShopException(ErrorCode.UNAUTHENTICATED));
    }

    /**
     * Changes what is given (null = unchanged), records {@code UserUpdated} with the whole new state,
     * and after commit rewrites the name and locale in the user's live sessions.
     */
    @Transactional
    public User updateProfile(long userId, String name, String phone, String locale, Boolean marketingConsent) {
        User user = requireActive(userId);
        PhoneNumber newPhone = phone == null ? null : phone(phone);
        user.changeProfile(name == null ? null : name.trim(), newPhone, locale, marketingConsent, clock.instant());
        save(user);
        outbox.record(new UserUpdated(user.id(), user.name(), user.phone().formatted(), user.locale(),
                user.marketingConsent()), user.version());
        afterCommit(() -> sessions.rewrite(userId, null, user.name(), user.locale()));
        return user;
    }

    /** An ADMIN changes someone else's role; their live sessions carry the new role at once (after commit). */
    @Transactional
    public User changeRole(long actorId, long userId, Role role) {
        if (actorId == userId) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "error.auth.role.self");
        }
        User user = users.findById(userId).filter(User::isActive)
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        user.changeRole(role, clock.instant());
        save(user);
        afterCommit(() -> sessions.rewrite(userId, role, null, null));
        return user;
    }

    /** Sets a new password (already checked against the policy by the caller, or here). */
    @Transactional
    public void changePassword(long userId, String newPassword, String passwordField) {
        User user = requireActive(userId);
        passwords.requireAcceptable(passwordField, newPassword, user.email());
        user.changePasswordHash(passwords.hash(newPassword), clock.instant());
        save(user);
    }

    /** Re-encodes the hash when the encoder's defaults moved on (called after a successful login). */
    @Transactional
    public void upgradePasswordHashIfNeeded(long userId, String password) {
        users.findById(userId).filter(User::isActive).filter(passwords::needsRehash).ifPresent(user -> {
            user.rehash(passwords.hash(password));
            save(user);
        });
    }

    /** Erases the account's personal data and records {@code UserWithdrawn}. */
    @Transactional
    public void withdraw(long userId) {
        User user = requireActive(userId);
        user.withdraw(clock.instant());
        save(user);
        outbox.record(new UserWithdrawn(user.id()), user.version());
    }

    @Transactional(readOnly = true)
    public Page<User> list(Role role, String emailPrefix, Pageable pageable) {
        if (emailPrefix != null && !emailPrefix.isBlank()) {
            return users.findByStatusAndEmailNormalizedStartingWith(UserStatus.ACTIVE, EmailAddress.normalize(emailPrefix),
                    pageable);
        }
        if (role != null) {
            return users.findByStatusAndRole(UserStatus.ACTIVE, role, pageable);
        }
        return users.findByStatus(UserStatus.ACTIVE, pageable);
    }

    private void save(User user) {
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException ex) {
            throw duplicate(ex);
        }
    }

    private static PhoneNumber phone(String text) {
        return PhoneNumber.parse(text).orElseThrow(
                () -> ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("phone", "error.auth.phone.invalid")));
    }

    private static ShopException duplicate(DataIntegrityViolationException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("uk_users_email")) {
            return ShopException.withFields(ErrorCode.CONFLICT, Map.of("email", "error.auth.email.taken"));
        }
        if (message.contains("uk_users_phone")) {
            return ShopException.withFields(ErrorCode.CONFLICT, Map.of("phone", "error.auth.phone.taken"));
        }
        return new ShopException(ErrorCode.CONFLICT);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
        else {
            action.run();
        }
    }
}
