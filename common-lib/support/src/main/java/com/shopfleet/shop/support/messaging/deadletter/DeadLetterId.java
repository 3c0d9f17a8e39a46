package com.shopfleet.shop.support.messaging.deadletter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A record on a dead-letter topic, as the staff API names it: {@code <alias>-<partition>-<offset>},
 * e.g. {@code order-0-42}.
 */
public record DeadLetterId(DeadLetterSource source, int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("([a-z][a-z0-9]*)-(\\d{1,5})-(\\d{1,18})");

    public DeadLetterId {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("negative partition or offset");
        }
    }

    /** @throws ShopException {@code VALIDATION_FAILED} naming {@code id} when it is not one of this service's */
    public static DeadLetterId parse(String value, DeadLetterSources sources) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw invalid();
        }
        DeadLetterSource source = sources.byAlias(matcher.group(1)).orElseThrow(DeadLetterId::invalid);
        return new DeadLetterId(source, Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }

    private static ShopException invalid() {
        return ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("id", "error.field.invalid"));
    }

    @Override
    public String toString() {
        return source.alias() + "-" + partition + "-" + offset;
    }
}
