package com.shopfleet.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTokensTests {

    static long t(String pair) {
        int[] chars = pair.codePoints().toArray();
        return SearchTokens.token(chars[0], chars.length > 1 ? chars[1] : SearchTokens.END);
    }

    @Test
    void aTextYieldsTheBigramsOfEachWordAndEachWordsLastCharacter() {
        assertThat(SearchTokens.of("무선 이어폰")).containsExactlyInAnyOrder(t("무선"), t("선"), t("이어"), t("어폰"), t("폰"));
    }

    @Test
    void tokensAreDistinctSortedAndNeverSpanTwoWords() {
        long[] tokens = SearchTokens.of("abab  ab\tba");
        assertThat(tokens).containsExactly(t("a"), t("ab"), t("b"), t("ba"));
        assertThat(SearchTokens.of("  ")).isEmpty();
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneCharacter() {
        assertThat(SearchTokens.of("달🌙")).containsExactlyInAnyOrder(t("달🌙"), t("🌙"));
        assertThat(SearchTokens.required("🌙빛")).containsExactly(t("🌙빛"));
        long[] range = SearchTokens.startingWith("🌙".codePointAt(0));
        assertThat(t("🌙")).isBetween(range[0], range[1]);
        assertThat(t("🌙빛")).isBetween(range[0], range[1]);
        assertThat(t("달🌙") >= range[0] && t("달🌙") <= range[1]).isFalse();
    }

    @Test
    void aTermRequiresEachOfItsBigramsOnce() {
        assertThat(SearchTokens.required("이어폰")).containsExactly(t("어폰"), t("이어")).isSorted();
        assertThat(SearchTokens.required("haha")).containsExactly(t("ah"), t("ha"));
        assertThat(SearchTokens.required("폰")).isEmpty();
    }

    @Test
    void theRangeOfACharacterHoldsEveryTokenStartingWithItAndNoOther() {
        long[] range = SearchTokens.startingWith('b');
        assertThat(java.util.Arrays.stream(SearchTokens.of("ab bc b")).filter(token -> token >= range[0] && token <= range[1]).boxed())
                .containsExactlyInAnyOrder(t("bc"), t("b"));
    }

    @Test
    void intersectionKeepsWhatBothSortedListsHold() {
        assertThat(ProductSearch.intersection(new long[] { 1, 3, 5, 7 }, new long[] { 2, 3, 7, 9 })).containsExactly(3, 7);
        assertThat(ProductSearch.intersection(new long[] {}, new long[] { 1 })).isEmpty();
    }
}
