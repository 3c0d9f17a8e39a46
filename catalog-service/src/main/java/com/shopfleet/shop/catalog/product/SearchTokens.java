package com.shopfleet.shop.catalog.product;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The keyword index's tokens: 2-character n-grams (bigrams) of the lower-cased search text, one set per
 * product, kept in {@code product_token}. A token is a pair of Unicode code points packed into a number
 * ({@code first << 21 | second}; a code point has at most 21 bits), so the column is a plain
 * {@code BIGINT} — no collation or case rules of any database get involved, and H2 and MariaDB compare it
 * alike.
 *
 * <p>Words are split on whitespace, exactly as {@link ProductQueries} splits a keyword into terms, so a
 * term never spans two words and no token does either. Every word also yields its last character paired
 * with {@link #END} ({@code "폰" + END} for {@code "이어폰"}): then every character of the text is the first
 * half of some token, and a one-character term is answered from the index too, by the range of tokens
 * starting with it ({@link #startingWith}). A term of two or more characters needs all of its bigrams;
 * that makes a product a candidate, and the exact substring check on the candidates decides.
 */
public final class SearchTokens {

    /** The second half of a word's last token: no character (code point 0 never survives {@link PlainText}). */
    static final int END = 0;

    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final long LOW_HALF = (1L << 21) - 1;

    private SearchTokens() {
    }

    /** The distinct tokens of a (lower-cased) search text, sorted. */
    public static long[] of(String searchText) {
        return Arrays.stream(WORDS.split(searchText))
                .filter(word -> !word.isEmpty())
                .flatMapToLong(word -> {
                    int[] chars = word.codePoints().toArray();
                    long[] tokens = new long[chars.length];
                    for (int i = 0; i < chars.length; i++) {
                        tokens[i] = token(chars[i], i + 1 < chars.length ? chars[i + 1] : END);
                    }
                    return Arrays.stream(tokens);
                })
                .sorted()
                .distinct()
                .toArray();
    }

    /**
     * The bigrams a term of two or more characters must all have (distinct, sorted); empty for a
     * one-character term, which {@link #startingWith} answers instead.
     */
    static long[] required(String term) {
        int[] chars = term.codePoints().toArray();
        long[] tokens = new long[Math.max(0, chars.length - 1)];
        for (int i = 0; i + 1 < chars.length; i++) {
            tokens[i] = token(chars[i], chars[i + 1]);
        }
        return Arrays.stream(tokens).sorted().distinct().toArray();
    }

    /** The inclusive range of the tokens that start with the character {@code codePoint}. */
    static long[] startingWith(int codePoint) {
        long first = token(codePoint, 0);
        return new long[] { first, first | LOW_HALF };
    }

    static long token(int first, int second) {
        return (long) first << 21 | second;
    }
}
