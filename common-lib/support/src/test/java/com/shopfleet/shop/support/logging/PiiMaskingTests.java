package com.shopfleet.shop.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PiiMaskingTests {

    @Test
    void anEmailKeepsTwoLettersAndTheDomain() {
        assertThat(PiiMasking.text("signup of minsu.kim@example.co.kr done")).isEqualTo("signup of mi*******@example.co.kr done");
        assertThat(PiiMasking.email("ab@example.com")).isEqualTo("a*@example.com");
    }

    @Test
    void phoneNumbersKeepTheirPrefixTheirLastFourDigitsAndSeparators() {
        assertThat(PiiMasking.text("to 010-2345-6789, 01023456789, +82 10-2345-6789 and 02-345-6789"))
                .isEqualTo("to 010-****-6789, 010****6789, +82 1*-****-6789 and **-***-6789");
    }

    @Test
    void tokensAndSecretsAreHidden() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMDAxIn0.c2lnbmF0dXJlLXZhbHVl";
        assertThat(PiiMasking.text("token " + jwt + " refused")).isEqualTo("token eyJ**** refused");
        assertThat(PiiMasking.text("Authorization: Bearer abcdefghijklmnop")).doesNotContain("abcdefghijklmnop");
        assertThat(PiiMasking.text("login password=hunter2 ok")).isEqualTo("login password=**** ok");
        assertThat(PiiMasking.text("{\"password\":\"hunter2\",\"rememberMe\":true}")).doesNotContain("hunter2");
        assertThat(PiiMasking.text("Cookie: SESSION=YWJjZGVm; XSRF-TOKEN=1234abcd")).doesNotContain("YWJjZGVm", "1234abcd");
        assertThat(PiiMasking.text("PasswordResetRequested[userId=7, code=482913]")).isEqualTo("PasswordResetRequested[userId=7, code=******]");
    }

    @Test
    void namesAndAddressesWrittenAsKeyValuesAreHidden() {
        assertThat(PiiMasking.text("Shipping[recipient=김민수, address=서울시 강남구 테헤란로 1, zipCode=06236]"))
                .isEqualTo("Shipping[recipient=김**, address=서**, zipCode=0**]");
        assertThat(PiiMasking.text("{\"name\":\"Minsu Kim\",\"userId\":7}")).isEqualTo("{\"name\":\"M**\",\"userId\":7}");
    }

    @Test
    void idsTraceIdsTimestampsAndTechnicalNamesAreLeftAlone() {
        String uuid = UUID.fromString("550e8400-e29b-41d4-a716-446655440000").toString();
        String text = "event " + uuid + " of order 1764170000123 [4bf92f3577b34da6a3ce929d0e0e4736] at 2026-11-26T13:00:00Z,"
                + " amount 12345678, sasl.kerberos.service.name = null, [CONTACT_UNKNOWN] OUT_OF_STOCK code";
        assertThat(PiiMasking.text(text)).isEqualTo(text);
    }

    @Test
    void nothingToMaskIsTheSameText() {
        assertThat(PiiMasking.text(null)).isNull();
        assertThat(PiiMasking.text("")).isEmpty();
        assertThat(PiiMasking.text("Group notification handled UserRegistered")).isEqualTo("Group notification handled UserRegistered");
    }
}
