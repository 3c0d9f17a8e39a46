package com.shopfleet.shop.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactDetailsTests {

    @Test
    void mobileNumbersAreParsedFormattedAndMasked() {
        PhoneNumber eleven = PhoneNumber.parse(" 010-2345-6789 ").orElseThrow();
        assertThat(eleven.digits()).isEqualTo("01023456789");
        assertThat(eleven.formatted()).isEqualTo("010-2345-6789");
        assertThat(eleven.masked()).isEqualTo("010-****-6789");
        PhoneNumber ten = PhoneNumber.parse("011.234.5678").orElseThrow();
        assertThat(ten.formatted()).isEqualTo("011-234-5678");
        assertThat(ten.masked()).isEqualTo("011-***-5678");
        assertThat(PhoneNumber.parse("02-123-4567")).isEmpty();
        assertThat(PhoneNumber.parse("010-1234-56789")).isEmpty();
        assertThat(PhoneNumber.parse("010-abcd-5678")).isEmpty();
        assertThat(PhoneNumber.parse(null)).isEmpty();
    }

    @Test
    void emailsAreNormalizedForUniquenessAndMaskedForMessages() {
        EmailAddress email = EmailAddress.of("  Minsu.Kim@Example.COM ");
        assertThat(email.value()).isEqualTo("Minsu.Kim@Example.COM");
        assertThat(email.normalized()).isEqualTo("minsu.kim@example.com");
        assertThat(EmailAddress.mask("minsu.kim@example.com")).isEqualTo("mi*******@example.com");
        assertThat(EmailAddress.mask("abc@example.com")).isEqualTo("a**@example.com");
        assertThat(EmailAddress.mask("a@example.com")).isEqualTo("*@example.com");
    }
}
