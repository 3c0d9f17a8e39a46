package com.shopfleet.shop.auth.login;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.EmailAddress;
import com.shopfleet.shop.auth.account.Passwords;
import com.shopfleet.shop.auth.account.Profile;
import com.shopfleet.shop.auth.account.User;
import com.shopfleet.shop.auth.credentials.Credentials;
import com.shopfleet.shop.auth.credentials.CredentialsRefusal;
import com.shopfleet.shop.auth.credentials.EncryptedCredentials;
import com.shopfleet.shop.auth.rememberme.RememberMe;
import com.shopfleet.shop.auth.session.ClientDevice;
import com.shopfleet.shop.auth.session.SessionOwner;
import com.shopfleet.shop.auth.session.StartedSession;
import com.shopfleet.shop.auth.session.UserSessions;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Login and logout. A login opens the encrypted credentials (refusing replays, stale or unencrypted
 * bodies), passes the brute-force limits, compares the password (the same 401 whether the email or
 * the password was wrong), then ends any session the client came with and starts a new one — and, if
 * asked, a remember-me series. Every attempt goes to the audit.
 */
@Service
public class Logins {

    private final EncryptedCredentials encryptedCredentials;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final Accounts accounts;
    private final Passwords passwords;
    private final UserSessions sessions;
    private final RememberMe rememberMe;

    Logins(EncryptedCredentials encryptedCredentials, LoginThrottle throttle, LoginAudit audit, Accounts accounts,
            Passwords passwords, UserSessions sessions, RememberMe rememberMe) {
        this.encryptedCredentials = encryptedCredentials;
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.rememberMe = rememberMe;
    }

    /** A successful login: the profile, the new session and the remember-me series (or null). */
    public record LoginResult(Profile profile, StartedSession session, RememberMe.Issued rememberMe) {
    }

    /**
     * @param previousSessionIds the sessions the client came with (cookie, gateway); they end here
     */
    public LoginResult login(String compactCredentials, boolean remember, ClientDevice device,
            Collection<String> previousSessionIds) {
        Credentials credentials;
        try {
            credentials = encryptedCredentials.open("credentials", compactCredentials);
        }
        catch (CredentialsRefusal refusal) {
            audit.record(LoginOutcome.valueOf(refusal.reason().name()), null, null, device.clientIp(), device.userAgent());
            throw refusal;
        }
        catch (ShopException incomplete) {
            audit.record(LoginOutcome.INCOMPLETE_CREDENTIALS, null, null, device.clientIp(), device.userAgent());
            throw incomplete;
        }
        String email = EmailAddress.normalize(credentials.email());
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(email, device.clientIp());
        }
        catch (ShopException limited) {
            audit.record(LoginOutcome.RATE_LIMITED, null, email, device.clientIp(), device.userAgent());
            throw limited;
        }
        User user = accounts.findActiveByEmail(email).orElse(null);
        if (!passwords.matches(user, credentials.password())) {
            audit.record(LoginOutcome.BAD_CREDENTIALS, user == null ? null : user.id(), email, device.clientIp(),
                    device.userAgent());
            throw new ShopException(ErrorCode.UNAUTHENTICATED, "error.auth.login.failed");
        }
        attempt.succeeded();
        accounts.upgradePasswordHashIfNeeded(user.id(), credentials.password());
        previousSessionIds.forEach(sessions::end);
        RememberMe.Issued series = remember ? rememberMe.issue(user.id(), device.userAgent()) : null;
        StartedSession session = sessions.start(new SessionOwner(user.id(), user.role(), user.name(), user.locale()), device,
                series == null ? null : series.series());
        audit.record(LoginOutcome.SUCCESS, user.id(), email, device.clientIp(), device.userAgent());
        return new LoginResult(Profile.of(user), session, series);
    }

    /**
     * Ends the client's session(s) at once (and with them their remember-me series) and the series
     * of its {@code REMEMBER_ME} cookie; works without a live session too.
     */
    public void logout(String gatewaySessionId, Collection<String> cookieSessionIds, String rememberMeCookie) {
        Set<String> ids = new LinkedHashSet<>(cookieSessionIds);
        if (gatewaySessionId != null) {
            ids.add(gatewaySessionId);
        }
        ids.forEach(sessions::end);
        rememberMe.revokeCookie(rememberMeCookie);
    }
}
