package com.shopfleet.shop.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMaskTests {

    @Test
    void theFirstAndLastCharacterStay() {
        assertThat(NameMask.mask("김민수")).isEqualTo("김*수");
        assertThat(NameMask.mask("남궁민수")).isEqualTo("남**수");
        assertThat(NameMask.mask("John Smith")).isEqualTo("J********h");
    }

    @Test
    void shortNamesGiveLittleAway() {
        assertThat(NameMask.mask("김수")).isEqualTo("김*");
        assertThat(NameMask.mask("김")).isEqualTo("*");
        assertThat(NameMask.mask(" ")).isEqualTo("*");
        assertThat(NameMask.mask(null)).isEqualTo("*");
    }
}
