package com.shopfleet.shop.notification.deadletter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A record on a dead-letter topic, as the staff API names it: {@code <topic>-<partition>-<offset>},
 * e.g. {@code order-0-42}.
 */
public record DeadLetterId(DeadLetterTopic topic, int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("([a-z]+)-(\\d{1,5})-(\\d{1,18})");

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("negative partition or offset");
        }
    }

    /** @throws ShopException {@code VALIDATION_FAILED} naming {@code id} when it is not one */
    public static DeadLetterId parse(String value) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw invalid();
        }
        DeadLetterTopic topic = DeadLetterTopic.byAlias(matcher.group(1)).orElseThrow(DeadLetterId::invalid);
        return new DeadLetterId(topic, Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }

    private static ShopException invalid() {
        return ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("id", "error.field.invalid"));
    }

    @Override
    public String toString() {
        return topic.alias() + "-" + partition + "-" + offset;
    }
}
