package com.shopfleet.shop.notification.account.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.shopfleet.shop.contracts.events.auth.EmailLookupRequested;
import com.shopfleet.shop.contracts.events.auth.PasswordResetRequested;
import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.notification.account.AccountNotifications;
import com.shopfleet.shop.notification.contact.ContactBook;
import com.shopfleet.shop.notification.delivery.EventConsumers;
import com.shopfleet.shop.notification.delivery.NotificationEventConsumer;

/** {@code shop.auth.user} (binding {@code userEvents-in-0}): the contact replica and account messages. */
@Configuration(proxyBeanMethods = false)
class UserEventsConfiguration {

    @Bean
    NotificationEventConsumer userEvents(EventConsumers consumers, ContactBook contacts,
            AccountNotifications account) {
        return consumers.forFunction("userEvents", handlers -> handlers
                .on(UserRegistered.class, (envelope, registered) -> {
                    contacts.register(registered, envelope.aggregateVersion());
                    account.welcome(envelope, registered);
                })
                .on(UserUpdated.class, (envelope, updated) -> contacts.update(updated, envelope.aggregateVersion()))
                .on(UserWithdrawn.class, (envelope, withdrawn) -> contacts.withdraw(withdrawn.userId()))
                .on(PasswordResetRequested.class, account::passwordResetCode)
                .on(EmailLookupRequested.class, account::emailLookup));
    }
}
