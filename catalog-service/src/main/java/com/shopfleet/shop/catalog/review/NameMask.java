package com.shopfleet.shop.catalog.review;

/**
 * Masks a person's name for public display: the first and last character stay, the ones between become
 * {@code *} (김민수 → 김*수, 남궁민수 → 남**수); a two-character name keeps its first (김수 → 김*).
 */
public final class NameMask {

    private NameMask() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        if (chars.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(chars.length - 2));
        return masked.appendCodePoint(chars[chars.length - 1]).toString();
    }
}
