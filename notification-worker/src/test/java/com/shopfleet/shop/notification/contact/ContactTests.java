package com.shopfleet.shop.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserUpdated;

class ContactTests {

    private static final Instant NOW = Instant.parse("2026-03-05T11:02:07Z");

    private final UserRegistered registered = new UserRegistered(1001, "minsu.kim@example.com", "김민수", "010-2345-6789",
            "ko", true);

    @Test
    void anUpdateReplacesWhatItCarriesAndKeepsTheAddress() {
        Contact contact = Contact.registered(registered, 0, NOW);

        assertThat(contact.update(new UserUpdated(1001, "김민수", "010-9876-5432", "en", false), 3, NOW)).isTrue();

        assertThat(contact.email()).isEqualTo("minsu.kim@example.com");
        assertThat(contact.phone()).isEqualTo("010-9876-5432");
        assertThat(contact.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(contact.marketingConsent()).isFalse();
    }

    @Test
    void anOlderStateArrivingLateChangesNothing() {
        Contact contact = Contact.registered(registered, 0, NOW);
        contact.update(new UserUpdated(1001, "김민수", "010-9876-5432", "en", false), 3, NOW);

        assertThat(contact.update(new UserUpdated(1001, "옛이름", "010-0000-0000", "ko", true), 2, NOW)).isFalse();
        assertThat(contact.register(registered, 0, NOW)).isFalse();

        assertThat(contact.phone()).isEqualTo("010-9876-5432");
        assertThat(contact.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aReplayedRegistrationStillFillsInTheAddressNoOtherEventCarries() {
        Contact contact = Contact.updated(new UserUpdated(1001, "김민수", "010-9876-5432", "en", false), 3, NOW);
        assertThat(contact.email()).isNull();

        assertThat(contact.register(registered, 0, NOW)).isTrue();

        assertThat(contact.email()).isEqualTo("minsu.kim@example.com");
        assertThat(contact.phone()).isEqualTo("010-9876-5432");
    }

    @Test
    void withdrawalErasesEverythingPersonalForGood() {
        Contact contact = Contact.registered(registered, 0, NOW);

        contact.withdraw(NOW);

        assertThat(contact.isWithdrawn()).isTrue();
        assertThat(contact.email()).isNull();
        assertThat(contact.phone()).isNull();
        assertThat(contact.name()).isNull();
        assertThat(contact.marketingConsent()).isFalse();
        assertThat(contact.register(registered, 9, NOW)).isFalse();
        assertThat(contact.update(new UserUpdated(1001, "김민수", "010-1111-2222", "ko", true), 9, NOW)).isFalse();
        assertThat(contact.email()).isNull();
    }

    @Test
    void anyLanguageButEnglishIsKorean() {
        assertThat(Contact.registered(new UserRegistered(7, "a@example.com", "A", null, "ja", false), 0, NOW).locale())
                .isEqualTo(Locale.KOREAN);
        assertThat(Contact.registered(new UserRegistered(7, "a@example.com", "A", null, "en-US", false), 0, NOW).locale())
                .isEqualTo(Locale.ENGLISH);
        assertThat(Contact.registered(new UserRegistered(7, "a@example.com", "A", null, null, false), 0, NOW).locale())
                .isEqualTo(Locale.KOREAN);
    }
}
