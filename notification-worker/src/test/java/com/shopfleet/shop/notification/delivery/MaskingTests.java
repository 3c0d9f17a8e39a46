package com.shopfleet.shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void anEmailKeepsTwoLettersAndTheDomainAsAuthServiceMasksIt() {
        assertThat(Masking.email("minsu.kim@example.com")).isEqualTo("mi*******@example.com");
        assertThat(Masking.email("ab@example.com")).isEqualTo("a*@example.com");
        assertThat(Masking.email("no-at-sign")).doesNotContain("no-at-sign");
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void aPhoneNumberKeepsItsPrefixItsLastFourDigitsAndItsSeparators() {
        assertThat(Masking.phone("010-2345-6789")).isEqualTo("010-****-6789");
        assertThat(Masking.phone("01023456789")).isEqualTo("010****6789");
        assertThat(Masking.phone("+821023456789")).isEqualTo("+821*****6789");
    }

    @Test
    void everyAddressAndNumberInAFreeTextIsMasked() {
        String masked = Masking.text("sending to minsu.kim@example.com failed; SMS to 010-2345-6789 and 01098765432 too");

        assertThat(masked).doesNotContain("minsu.kim", "2345", "9876")
                .contains("mi*******@example.com", "010-****-6789", "010****5432");
    }

    @Test
    void textWithoutPersonalDataIsLeftAlone() {
        assertThat(Masking.text("[CONTACT_UNKNOWN] OrderConfirmed/MAIL: no contact known for user 1002 yet"))
                .isEqualTo("[CONTACT_UNKNOWN] OrderConfirmed/MAIL: no contact known for user 1002 yet");
    }
}
