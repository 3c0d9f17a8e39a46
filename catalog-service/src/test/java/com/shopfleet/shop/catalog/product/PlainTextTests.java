package com.shopfleet.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void markupIsKeptAsTextAndControlCharactersGo() {
        assertThat(PlainText.clean("<b>굵게</b>\u0000\u202E\u200B")).isEqualTo("<b>굵게</b>");
    }

    @Test
    void lineBreaksAndTabsStayNormalized() {
        assertThat(PlainText.clean(" 첫 줄\r\n둘째\t줄\r셋째 ")).isEqualTo("첫 줄\n둘째\t줄\n셋째");
    }

    @Test
    void emojiSequencesSurvive() {
        assertThat(PlainText.clean("좋아요 👍🏻 👨‍👩‍👧")).isEqualTo("좋아요 👍🏻 👨‍👩‍👧");
    }
}
