package com.shopfleet.shop.catalog.product;

/**
 * User-supplied text (descriptions, reviews) is plain text, never markup: it is stored as given but for
 * control characters (removed, except line breaks and tabs) and Windows/Mac line ends (made {@code \n}).
 * Clients render it as text (e.g. {@code textContent}, or escaped), so no HTML is ever interpreted.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(codePoint -> {
            boolean control = Character.getType(codePoint) == Character.CONTROL
                    || Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200D;
            if (!control || codePoint == '\n' || codePoint == '\t') {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString().strip();
    }
}
