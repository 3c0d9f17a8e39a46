package com.shopfleet.shop.auth.recovery;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.auth.account.Accounts;
import com.shopfleet.shop.auth.account.EmailAddress;
import com.shopfleet.shop.auth.account.PhoneNumber;
import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * 아이디 찾기: name + phone. The answer is always 202 and never holds the address; when an active
 * account has that phone and name, {@code EmailLookupRequested} sends its masked email by SMS to that
 * phone (at most one message per account per cooldown).
 */
@Service
public class EmailLookup {

    private final Accounts accounts;
    private final RecoveryLimits limits;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    EmailLookup(Accounts accounts, RecoveryLimits limits, Outbox outbox, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public void request(String name, String phone, String clientIp) {
        PhoneNumber number = PhoneNumber.parse(phone).orElseThrow(
                () -> ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("phone", "error.auth.phone.invalid")));
        limits.countRequest(clientIp);
        accounts.findActiveByPhone(number)
                .filter(user -> comparable(user.name()).equals(comparable(name)))
                .filter(user -> limits.allowMessage("email-lookup", user.id(), false))
                .ifPresent(user -> transactions.executeWithoutResult(status -> outbox.record(new EmailLookupRequested(
                        user.id(), number.formatted(), EmailAddress.mask(user.email()), user.locale()), user.version())));
    }

    private static String comparable(String name) {
        return name == null ? "" : name.replaceAll("\\s+", "");
    }
}
