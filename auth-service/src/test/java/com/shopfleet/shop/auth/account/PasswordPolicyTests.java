package com.shopfleet.shop.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsEightToSixtyFourCharactersWithTwoKinds() {
        assertThat(policy.violation("Sunny-Day", null)).isEmpty();
        assertThat(policy.violation("zebra-k1", null)).isEmpty();
        assertThat(policy.violation("abcdefg1", null)).contains("error.auth.password.common");
        assertThat(policy.violation("x1".repeat(32), null)).isEmpty();
        assertThat(policy.violation("비밀번호는길다1", null)).isEmpty();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.violation("가나다라마바1", null)).contains("error.auth.password.length");
        assertThat(policy.violation("가".repeat(63) + "1", null)).isEmpty();
        assertThat(policy.violation("😀".repeat(63) + "1", null)).isEmpty();
        assertThat(policy.violation("😀".repeat(64) + "1", null)).contains("error.auth.password.length");
    }

    @Test
    void refusesWhatIsTooShortTooLongOneKindCommonOrTheEmail() {
        assertThat(policy.violation("Ab1!", null)).contains("error.auth.password.length");
        assertThat(policy.violation("a1".repeat(32) + "x", null)).contains("error.auth.password.length");
        assertThat(policy.violation(null, null)).contains("error.auth.password.length");
        assertThat(policy.violation("onlyletters", null)).contains("error.auth.password.classes");
        assertThat(policy.violation("1234567890", null)).contains("error.auth.password.classes");
        assertThat(policy.violation("!@#$%^&*()", null)).contains("error.auth.password.classes");
        assertThat(policy.violation("with space", null)).contains("error.auth.password.classes");
        assertThat(policy.violation("QWER1234", null)).contains("error.auth.password.common");
        assertThat(policy.violation("1q2w3e4r!", null)).contains("error.auth.password.common");
        assertThat(policy.violation("minsu.kim2026", "Minsu.Kim@example.com")).contains("error.auth.password.email");
        assertThat(policy.violation("tab\there1", null)).contains("error.auth.password.characters");
    }
}
