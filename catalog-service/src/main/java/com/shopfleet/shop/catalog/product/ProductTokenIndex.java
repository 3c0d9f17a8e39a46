package com.shopfleet.shop.catalog.product;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code product_token} (the keyword index, {@link SearchTokens}) in step with the products: called
 * inside the transaction that writes a product's name or brand, it replaces that product's tokens, so
 * the index never disagrees with a committed product. Only the difference is written (a price or stock
 * edit leaves the tokens as they are and costs one indexed read).
 */
@Component
class ProductTokenIndex {

    private final JdbcTemplate jdbc;

    ProductTokenIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The products whose lower-cased name and brand may contain {@code term}, sorted by id, at most
     * {@code limit}: those with every bigram of the term, or, for a one-character term, with a token
     * starting with it. A superset of the matches (the bigrams may sit apart), exact for terms of one or
     * two characters; hidden and deleted products included (the caller filters). Read from the primary
     * key of {@code product_token} alone (index range scans), never from the product rows.
     */
    long[] candidates(String term, int limit) {
        List<Long> ids;
        if (term.codePointCount(0, term.length()) == 1) {
            long[] range = SearchTokens.startingWith(term.codePointAt(0));
            ids = jdbc.queryForList(
                    "SELECT DISTINCT product_id FROM product_token WHERE token BETWEEN ? AND ? LIMIT ?", Long.class,
                    range[0], range[1], limit);
        }
        else {
            long[] required = SearchTokens.required(term);
            Object[] arguments = new Object[required.length + 2];
            for (int i = 0; i < required.length; i++) {
                arguments[i] = required[i];
            }
            arguments[required.length] = required.length;
            arguments[required.length + 1] = limit;
            ids = jdbc.queryForList("SELECT product_id FROM product_token WHERE token IN ("
                    + String.join(", ", Collections.nCopies(required.length, "?"))
                    + ") GROUP BY product_id HAVING COUNT(*) = ? LIMIT ?", Long.class, arguments);
        }
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    void index(long productId, String searchText) {
        long[] wanted = SearchTokens.of(searchText);
        long[] present = jdbc.queryForList("SELECT token FROM product_token WHERE product_id = ?", Long.class,
                productId).stream().mapToLong(Long::longValue).sorted().toArray();
        List<Object[]> stale = Arrays.stream(present)
                .filter(token -> Arrays.binarySearch(wanted, token) < 0)
                .mapToObj(token -> new Object[] { token, productId })
                .toList();
        List<Object[]> missing = Arrays.stream(wanted)
                .filter(token -> Arrays.binarySearch(present, token) < 0)
                .mapToObj(token -> new Object[] { token, productId })
                .toList();
        if (!stale.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM product_token WHERE token = ? AND product_id = ?", stale);
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO product_token (token, product_id) VALUES (?, ?)", missing);
        }
    }
}
