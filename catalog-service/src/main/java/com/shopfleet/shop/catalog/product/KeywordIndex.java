package com.shopfleet.shop.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.shopfleet.shop.catalog.CatalogProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What keyword matching reads, held in memory: per product its id, lower-cased search text (name +
 * brand), category, sale price and visibility — about 100 bytes a product, ~10 MB for 100,000. A keyword
 * search scans it ({@link #matching}: {@link String#contains} per term over every row, 2–4 ms for 100,000
 * products) and gets the exact, complete set of matching ids: its size is the total, and the database
 * then reads only the page's rows (ADR 0007, README "Search").
 *
 * <p>The database stays the source of truth; this is a copy that follows it:
 * <ul>
 * <li>loaded whole at the first use and again every {@code search.full-reload-interval};</li>
 * <li>a change made by this instance ({@link ProductChanges}) is applied once its transaction commits,
 * before the write's response: this instance never searches an older state than it wrote;</li>
 * <li>changes made by other instances are read every {@code search.refresh-interval}: the rows whose
 * {@code updated_at} is at or after the newest one seen minus {@value #OVERLAP_SECONDS} s (a transaction
 * may commit a little after a later one, and instances' clocks differ a little), so another instance's
 * write reaches this one's searches within about a second.</li>
 * </ul>
 * Anything the copy is late about only decides which ids are considered: the page's rows are read from the
 * database, which re-checks visibility, category and price.
 */
@Component
public class KeywordIndex {

    private static final Logger log = LoggerFactory.getLogger(KeywordIndex.class);

    static final long OVERLAP_SECONDS = 30;

    private static final String COLUMNS =
            "SELECT id, search_text, category_id, sale_price, listed, deleted, updated_at FROM product";

    private final JdbcTemplate jdbc;
    private final Duration fullReloadInterval;
    private final Object lock = new Object();

    /** The rows by id, guarded by {@link #lock}; {@link #snapshot} is rebuilt from it after every change. */
    private final Map<Long, Row> rows = new HashMap<>();
    private volatile Snapshot snapshot;
    private Instant newestSeen = Instant.EPOCH;
    private long lastFullLoad;

    KeywordIndex(JdbcTemplate jdbc, CatalogProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.fullReloadInterval = properties.search().fullReloadInterval();
        Gauge.builder("shop.catalog.keyword.index.products", this, KeywordIndex::size)
                .description("Products in the in-memory keyword index of this instance")
                .register(meters);
    }

    /**
     * The ids (ascending) of the products a query matches: visible to the caller (listed; staff: not
     * deleted unless asked for), within its category and price filters, and every term found in the
     * search text or naming the product's category ({@code categoriesPerTerm}, one set per term).
     */
    public long[] matching(ProductQuery query, List<Set<Long>> categoriesPerTerm) {
        Snapshot current = current();
        String[] terms = query.terms().toArray(String[]::new);
        long[] termSignatures = query.terms().stream().mapToLong(KeywordIndex::signature).toArray();
        long[][] termCategories = categoriesPerTerm.stream().map(KeywordIndex::sorted).toArray(long[][]::new);
        long[] categoryFilter = query.categoryIds() == null ? null : sorted(query.categoryIds());
        long minPrice = query.minPrice() == null ? Long.MIN_VALUE : query.minPrice();
        long maxPrice = query.maxPrice() == null ? Long.MAX_VALUE : query.maxPrice();
        byte required = !query.staff() ? Snapshot.LISTED : query.includeDeleted() ? 0 : Snapshot.NOT_DELETED;
        long[] ids = current.ids;
        String[] texts = current.texts;
        long[] signatures = current.signatures;
        long[] categories = current.categories;
        long[] prices = current.prices;
        byte[] flags = current.flags;
        long[] out = new long[64];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if ((flags[i] & required) != required) {
                continue;
            }
            long category = categories[i];
            if (categoryFilter != null && Arrays.binarySearch(categoryFilter, category) < 0) {
                continue;
            }
            long price = prices[i];
            if (price < minPrice || price > maxPrice
                    || !matchesTerms(texts[i], signatures[i], category, terms, termSignatures, termCategories)) {
                continue;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = ids[i];
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean matchesTerms(String text, long signature, long category, String[] terms,
            long[] termSignatures, long[][] termCategories) {
        for (int t = 0; t < terms.length; t++) {
            boolean inText = (signature & termSignatures[t]) == termSignatures[t] && text.contains(terms[t]);
            if (!inText && Arrays.binarySearch(termCategories[t], category) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One bit (of 64) per distinct character, chosen by a hash: a text can contain a term only if its
     * signature has every bit of the term's, so most rows are passed over without reading their text
     * (for a rare term nearly all; the strings are what costs memory bandwidth).
     */
    static long signature(String text) {
        long signature = 0;
        for (int i = 0; i < text.length(); i++) {
            signature |= 1L << (text.charAt(i) * 0x9E3779B9 >>> 26);
        }
        return signature;
    }

    private double size() {
        Snapshot current = snapshot;
        return current == null ? 0 : current.ids.length;
    }

    /** How many products the public sees (the scale a walk along a sort index is measured against). */
    public int listedCount() {
        return current().listed;
    }

    /**
     * Called inside the transaction that changed a product: re-reads the row once the transaction commits
     * (outside a transaction: now).
     */
    void changed(long productId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reread(productId);
                }
            });
        }
        else {
            reread(productId);
        }
    }

    private void reread(long productId) {
        List<Row> changed = jdbc.query(COLUMNS + " WHERE id = ?", KeywordIndex::row, productId);
        apply(changed);
    }

    /** Reads everything again (after bulk SQL that bypassed the application, e.g. the benchmark catalog). */
    public void reload() {
        long started = System.nanoTime();
        List<Row> all = jdbc.query(COLUMNS, KeywordIndex::row);
        synchronized (lock) {
            rows.clear();
            newestSeen = Instant.EPOCH;
            lastFullLoad = System.nanoTime();
            applyLocked(all);
        }
        log.debug("Keyword index loaded: {} products in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Picks up what other instances changed; every {@code search.full-reload-interval} reads everything. */
    @Scheduled(fixedDelayString = "${shop.catalog.search.refresh-interval:1s}")
    void refresh() {
        Instant since;
        synchronized (lock) {
            if (snapshot == null || System.nanoTime() - lastFullLoad >= fullReloadInterval.toNanos()) {
                since = null;
            }
            else {
                since = newestSeen.minusSeconds(OVERLAP_SECONDS);
            }
        }
        if (since == null) {
            reload();
            return;
        }
        apply(jdbc.query(COLUMNS + " WHERE updated_at >= ?", KeywordIndex::row, Timestamp.from(since)));
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (lock) {
                if (snapshot == null) {
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private void apply(List<Row> changed) {
        if (changed.isEmpty()) {
            return;
        }
        synchronized (lock) {
            applyLocked(changed);
        }
    }

    private void applyLocked(List<Row> changed) {
        boolean different = snapshot == null;
        for (Row row : changed) {
            if (row.updatedAt.isAfter(newestSeen)) {
                newestSeen = row.updatedAt;
            }
            Row before = rows.put(row.id, row);
            different |= before == null || !before.sameMatch(row);
        }
        if (different) {
            snapshot = Snapshot.of(rows);
        }
    }

    private static long[] sorted(Set<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("search_text"), rs.getLong("category_id"),
                rs.getLong("sale_price"), rs.getBoolean("listed"), rs.getBoolean("deleted"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private record Row(long id, String text, long category, long price, boolean listed, boolean deleted,
            Instant updatedAt) {

        boolean sameMatch(Row other) {
            return text.equals(other.text) && category == other.category && price == other.price
                    && listed == other.listed && deleted == other.deleted;
        }
    }

    /** An immutable copy in parallel arrays (ascending id), scanned without locks or boxing. */
    private record Snapshot(long[] ids, String[] texts, long[] signatures, long[] categories, long[] prices,
            byte[] flags, int listed) {

        static final byte LISTED = 1;
        static final byte NOT_DELETED = 2;

        static Snapshot of(Map<Long, Row> rows) {
            Row[] ordered = rows.values().toArray(Row[]::new);
            Arrays.sort(ordered, (a, b) -> Long.compare(a.id, b.id));
            int size = ordered.length;
            long[] ids = new long[size];
            String[] texts = new String[size];
            long[] signatures = new long[size];
            long[] categories = new long[size];
            long[] prices = new long[size];
            byte[] flags = new byte[size];
            int listed = 0;
            for (int i = 0; i < size; i++) {
                Row row = ordered[i];
                ids[i] = row.id;
                texts[i] = row.text;
                signatures[i] = signature(row.text);
                categories[i] = row.category;
                prices[i] = row.price;
                flags[i] = (byte) ((row.listed ? LISTED : 0) | (row.deleted ? 0 : NOT_DELETED));
                listed += row.listed ? 1 : 0;
            }
            return new Snapshot(ids, texts, signatures, categories, prices, flags, listed);
        }
    }
}
