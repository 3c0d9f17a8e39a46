package com.shopfleet.shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.support.logging.PiiMasking;

class MaskingTests {

    @Test
    void anEmailKeepsTwoLettersAndTheDomainAsAuthServiceMasksIt() {
        assertThat(PiiMasking.email("minsu.kim@example.com")).isEqualTo("mi*******@example.com");
        assertThat(PiiMasking.email("ab@example.com")).isEqualTo("a*@example.com");
        assertThat(PiiMasking.email("no-at-sign")).doesNotContain("no-at-sign");
        assertThat(PiiMasking.email(null)).isNull();
    }

    @Test
    void aPhoneNumberKeepsItsPrefixItsLastFourDigitsAndItsSeparators() {
        assertThat(PiiMasking.phone("010-2345-6789")).isEqualTo("010-****-6789");
        assertThat(PiiMasking.phone("01023456789")).isEqualTo("010****6789");
        assertThat(PiiMasking.phone("+821023456789")).isEqualTo("+821*****6789");
    }

    @Test
    void everyAddressAndNumberInAFreeTextIsMasked() {
        String masked = PiiMasking.text("sending to minsu.kim@example.com failed; SMS to 010-2345-6789 and 01098765432 too");

        assertThat(masked).doesNotContain("minsu.kim", "2345", "9876")
                .contains("mi*******@example.com", "010-****-6789", "010****5432");
    }

    @Test
    void textWithoutPersonalDataIsLeftAlone() {
        assertThat(PiiMasking.text("[CONTACT_UNKNOWN] OrderConfirmed/MAIL: no contact known for user 1002 yet"))
                .isEqualTo("[CONTACT_UNKNOWN] OrderConfirmed/MAIL: no contact known for user 1002 yet");
    }
}
