package com.shopfleet.shop.notification.delivery;

import java.util.Locale;

/** The two languages of the shop (CONTRACTS §1): Korean by default, English when asked for. */
public final class Locales {

    private Locales() {
    }

    /** {@code en…} → English; anything else, missing included → Korean. */
    public static Locale of(String tag) {
        return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.KOREAN;
    }

    /** The stored form, {@code ko} or {@code en}. */
    public static String tag(String tag) {
        return of(tag).getLanguage();
    }
}
