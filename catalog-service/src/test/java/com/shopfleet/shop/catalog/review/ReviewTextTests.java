package com.shopfleet.shop.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.support.error.ShopException;

class ReviewTextTests {

    @Test
    void ratingsRunFromOneToFive() {
        assertThat(new ReviewText(1, "열 글자가 넘는 리뷰입니다").rating()).isEqualTo(1);
        assertThatThrownBy(() -> new ReviewText(0, "열 글자가 넘는 리뷰입니다")).isInstanceOfSatisfying(ShopException.class,
                ex -> assertThat(ex.fields()).containsKey("rating"));
        assertThatThrownBy(() -> new ReviewText(6, "열 글자가 넘는 리뷰입니다")).isInstanceOf(ShopException.class);
    }

    @Test
    void contentIsMeasuredOnceCleaned() {
        assertThatThrownBy(() -> new ReviewText(5, "  짧은 리뷰\u0000\u0000\u0000  ")).isInstanceOfSatisfying(
                ShopException.class, ex -> assertThat(ex.fields()).containsKey("content"));
        assertThat(new ReviewText(5, "가".repeat(1000)).content()).hasSize(1000);
        assertThatThrownBy(() -> new ReviewText(5, "가".repeat(1001))).isInstanceOf(ShopException.class);
    }
}
