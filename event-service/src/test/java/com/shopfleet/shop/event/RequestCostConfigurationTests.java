package com.shopfleet.shop.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The firewall's loop accepts exactly what Spring Security's default {@code StrictHttpFirewall}
 * patterns accept, code point by code point and for strings that mix them.
 */
class RequestCostConfigurationTests {

    /** StrictHttpFirewall's patterns for header names, parameter names and values. */
    private static final Pattern ASSIGNED_AND_NOT_CONTROL = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    /** ... and for header values. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = new String(Character.toChars(codePoint));
            boolean name = RequestCostConfiguration.assignedAndNotControl(text, false);
            boolean value = RequestCostConfiguration.assignedAndNotControl(text, true);
            if (name != ASSIGNED_AND_NOT_CONTROL.matcher(text).matches() || value != HEADER_VALUE.matcher(text).matches()) {
                throw new AssertionError("U+" + Integer.toHexString(codePoint) + ": name " + name + ", value " + value);
            }
        }
    }

    @Test
    void stringsAreJudgedAsTheFirewallsPatternsJudgeThem() {
        List<String> samples = List.of("", "SESSION=abc; XSRF-TOKEN=def", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "a\tb", "a\nb", "a\rb", "\u0000", "x\u007f", "\u0085", "한국어 값", "emoji \uD83D\uDE00 ok", "lone \uD800 high",
                "lone \uDC00 low", "unassigned \u0378", "bidi \u202E", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.sig");
        for (String sample : samples) {
            assertThat(RequestCostConfiguration.assignedAndNotControl(sample, false)).as(sample)
                    .isEqualTo(ASSIGNED_AND_NOT_CONTROL.matcher(sample).matches());
            assertThat(RequestCostConfiguration.assignedAndNotControl(sample, true)).as(sample)
                    .isEqualTo(HEADER_VALUE.matcher(sample).matches());
        }
    }
}
