package com.shopfleet.shop.support.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.web.ErrorCode;

class ErrorMessagesTests {

    private final ErrorMessages messages = new ErrorMessages(null);

    @Test
    void everyCodeHasAKoreanAndAnEnglishText() {
        ResourceBundle korean = ResourceBundle.getBundle("shop/errors", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("shop/errors", Locale.ENGLISH);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(korean.containsKey(code.messageKey())).as("Korean %s", code).isTrue();
            assertThat(english.getString(code.messageKey())).as("English %s", code)
                    .isNotEqualTo(korean.getString(code.messageKey()));
        }
    }

    @Test
    void koreanIsTheDefaultAndUnsupportedLanguagesFallBackToIt() {
        assertThat(messages.message(ErrorCode.OUT_OF_STOCK, null)).isEqualTo("재고가 부족합니다.");
        assertThat(messages.message(ErrorCode.OUT_OF_STOCK, Locale.JAPANESE)).isEqualTo("재고가 부족합니다.");
        assertThat(messages.message(ErrorCode.OUT_OF_STOCK, Locale.US)).isEqualTo("Not enough stock.");
    }

    @Test
    void anUnknownKeyNeverLeaksTheKey() {
        assertThat(messages.message("error.no.such.key", null, Locale.KOREAN))
                .isEqualTo(messages.message(ErrorCode.INTERNAL_ERROR, Locale.KOREAN));
    }
}
