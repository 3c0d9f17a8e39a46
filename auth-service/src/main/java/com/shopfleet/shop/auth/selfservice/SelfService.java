package com.shopfleet.shop.auth.selfservice;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.EmailAddress;
import com.shopfleet.shop.auth.account.Passwords;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.auth.credentials.Credentials;
import com.shopfleet.shop.auth.credentials.EncryptedCredentials;
import com.shopfleet.shop.auth.login.LoginAudit;
import com.shopfleet.shop.auth.login.LoginThrottle;
import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.session.ActiveSession;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * What a logged-in user does with their password: change it (the other sessions and remember-me
 * series end, this one stays) and withdraw (회원탈퇴: personal data erased, every session and token
 * ends, {@code UserWithdrawn} published). Both need the current password, as encrypted credentials,
 * checked under the same brute-force limits as a login.
 */
@Service
public class SelfService {

    private final EncryptedCredentials encryptedCredentials;
    private final Accounts accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final UserSessions sessions;
    private final RememberMe rememberMe;
    private final TransactionTemplate transactions;

    SelfService(EncryptedCredentials encryptedCredentials, Accounts accounts, Passwords passwords, LoginThrottle throttle,
            LoginAudit audit, UserSessions sessions, RememberMe rememberMe, TransactionTemplate transactions) {
        this.encryptedCredentials = encryptedCredentials;
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
        this.rememberMe = rememberMe;
        this.transactions = transactions;
    }

    public void changePassword(ShopIdentity me, String currentCompact, String newCompact) {
        User user = accounts.requireActive(me.userId());
        Credentials current = open(user, "currentCredentials", currentCompact);
        Credentials next = open(user, "newCredentials", newCompact);
        verify(user, current, "currentCredentials", me.clientIp());
        if (current.password().equals(next.password())) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("newCredentials", "error.auth.password.unchanged"));
        }
        accounts.changePassword(user.id(), next.password(), "newCredentials");
        String keepSeries = sessions.find(me.sessionId()).map(ActiveSession::rememberMeSeries).orElse(null);
        sessions.endAllExcept(user.id(), me.sessionId());
        rememberMe.revokeAllExcept(user.id(), keepSeries);
    }

    public void withdraw(ShopIdentity me, String compact) {
        User user = accounts.requireActive(me.userId());
        Credentials credentials = open(user, "credentials", compact);
        verify(user, credentials, "credentials", me.clientIp());
        String email = EmailAddress.normalize(user.email());
        transactions.executeWithoutResult(status -> {
            accounts.withdraw(user.id());
            rememberMe.revokeAll(user.id());
            audit.forget(user.id(), email);
        });
        sessions.endAll(user.id());
    }

    private Credentials open(User user, String field, String compact) {
        Credentials credentials = encryptedCredentials.open(field, compact);
        if (!EmailAddress.normalize(credentials.email()).equals(EmailAddress.normalize(user.email()))) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of(field, "error.auth.credentials.emailMismatch"));
        }
        return credentials;
    }

    private void verify(User user, Credentials credentials, String field, String clientIp) {
        LoginThrottle.Attempt attempt = throttle.begin(EmailAddress.normalize(user.email()), clientIp);
        if (!passwords.matches(user, credentials.password())) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of(field, "error.auth.password.wrong"));
        }
        attempt.succeeded();
    }
}
