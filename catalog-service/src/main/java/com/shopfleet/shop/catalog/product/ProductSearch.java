package com.shopfleet.shop.catalog.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.Tuple;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.OrderSpecifier;
import com.querydsl.jpa.impl.JPAQueryFactory;
import com.shopfleet.shop.catalog.CatalogProperties;

/**
 * The product listing query, built with QueryDSL. Filters and sorts are served by the indexes of
 * {@code V1__catalog.sql} and {@code V3__product_sort_indexes.sql}: {@code listed} + the sort column (newest,
 * price, rating, popular) + id, and {@code category_id, listed, sale_price} for a category. A keyword is
 * matched in memory ({@link KeywordIndex}): it yields the exact set of matching ids (name, brand or category
 * name; filters applied), whose size is the total; the database then reads only what the page needs —
 * the matches themselves when they are few, sorted by the database, or a walk along the sort's index that
 * stops once the page is full. Browse totals are exact up to the deepest position a client may page to
 * ({@code listing.max-offset}) and capped there; keyword totals too (capped alike).
 */
@Component
class ProductSearch {

    private static final QProduct product = QProduct.product;

    private static final Expression<?>[] CARD = { product.id, product.name, product.brand, product.categoryId,
            product.titleImage, product.price, product.discountRate, product.salePrice, product.status,
            product.stockAvailable, product.ratingSum, product.reviewCount };

    private final JPAQueryFactory queries;
    private final KeywordIndex keywords;
    private final int maxSortedMatches;
    private final int maxCounted;

    ProductSearch(EntityManager entityManager, KeywordIndex keywords, CatalogProperties properties) {
        this.queries = new JPAQueryFactory(entityManager);
        this.keywords = keywords;
        this.maxSortedMatches = properties.listing().maxKeywordCandidates();
        this.maxCounted = properties.listing().maxOffset();
    }

    SearchResult<ProductSummary> cards(ProductQuery query, List<Set<Long>> categoriesPerTerm) {
        BooleanBuilder visible = new BooleanBuilder();
        if (!query.staff()) {
            visible.and(product.listed.isTrue());
        }
        else if (!query.includeDeleted()) {
            visible.and(product.deleted.isFalse());
        }
        long offset = (long) query.page() * query.size();
        if (query.hasKeyword()) {
            return keywordPage(visible, query, categoriesPerTerm, offset);
        }
        BooleanBuilder where = new BooleanBuilder(visible);
        if (query.categoryIds() != null) {
            where.and(product.categoryId.in(query.categoryIds()));
        }
        if (query.minPrice() != null) {
            where.and(product.salePrice.goe(query.minPrice()));
        }
        if (query.maxPrice() != null) {
            where.and(product.salePrice.loe(query.maxPrice()));
        }
        return page(where, query, offset);
    }

    /**
     * The matching ids (filters applied) come from the keyword index; the database reads whichever is fewer
     * rows: the matches (by primary key, sorted, paged) — at most {@code listing.max-keyword-candidates} —
     * or the sort's index from its start until the page's last match went by (about
     * {@code (offset + size) × listed / matches} rows; only ids, the page's cards are then read by id).
     * Either way the database re-checks visibility and the cards show the row as committed, so the copy in
     * memory being a moment late never shows a hidden product or an old price.
     */
    private SearchResult<ProductSummary> keywordPage(BooleanBuilder visible, ProductQuery query,
            List<Set<Long>> categoriesPerTerm, long offset) {
        long[] matches = keywords.matching(query, categoriesPerTerm);
        long total = Math.min(matches.length, maxCounted);
        if (offset >= matches.length) {
            return new SearchResult<>(List.of(), total);
        }
        long wanted = offset + query.size();
        boolean sortMatches = matches.length <= maxSortedMatches && (query.staff()
                || (double) matches.length * matches.length <= (double) wanted * keywords.listedCount());
        if (sortMatches) {
            BooleanBuilder where = new BooleanBuilder(visible)
                    .and(product.id.in(Arrays.stream(matches).boxed().toList()));
            return new SearchResult<>(cards(where, sortOrder(query), offset, query.size()), total);
        }
        List<Long> ids = walk(visible, query, matches, offset);
        Map<Long, ProductSummary> cards = queries.select(CARD)
                .from(product)
                .where(visible, product.id.in(ids))
                .fetch()
                .stream()
                .map(ProductSearch::summary)
                .collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        return new SearchResult<>(ids.stream().map(cards::get).filter(Objects::nonNull).toList(), total);
    }

    /**
     * The page's ids among {@code matches}, in the listing's order: reads ids along the sort's index (the
     * visibility condition only, so the index serves the order), first as many as the matches' share of
     * the catalog predicts (+25 %), twice as many while that falls short.
     */
    private List<Long> walk(BooleanBuilder visible, ProductQuery query, long[] matches, long offset) {
        long wanted = offset + query.size();
        long population = Math.max(keywords.listedCount(), matches.length);
        long limit = Math.max(2 * wanted, wanted * population / matches.length * 5 / 4);
        while (true) {
            List<Long> ids = queries.select(product.id)
                    .from(product)
                    .where(visible)
                    .orderBy(order(query))
                    .limit(limit)
                    .fetch();
            List<Long> page = new ArrayList<>(query.size());
            long position = 0;
            for (Long id : ids) {
                if (Arrays.binarySearch(matches, id) >= 0 && position++ >= offset) {
                    page.add(id);
                    if (page.size() == query.size()) {
                        return page;
                    }
                }
            }
            if (ids.size() < limit) {
                return page;
            }
            limit *= 2;
        }
    }

    /** A page in the order of the sort's index (stopping once it is full) and the (bounded) total. */
    private SearchResult<ProductSummary> page(BooleanBuilder where, ProductQuery query, long offset) {
        List<ProductSummary> content = cards(where, order(query), offset, query.size());
        return new SearchResult<>(content, total(where, offset, content.size(), query.size()));
    }

    private List<ProductSummary> cards(BooleanBuilder where, OrderSpecifier<?>[] order, long offset, int size) {
        return queries.select(CARD)
                .from(product)
                .where(where)
                .orderBy(order)
                .offset(offset)
                .limit(size)
                .fetch()
                .stream()
                .map(ProductSearch::summary)
                .toList();
    }

    /**
     * How many products match, from what the page already tells where it can: a page that is not full
     * ends the listing ({@code offset + rows}). Otherwise counted, but only up to {@code maxCounted}
     * rows (the deepest position a client may page to): a count over the whole catalog would cost
     * more than the page itself, and no page beyond that position can be asked for.
     */
    private long total(BooleanBuilder where, long offset, int rows, int size) {
        if (rows > 0 && rows < size || rows == 0 && offset == 0) {
            return offset + rows;
        }
        return queries.select(product.id).from(product).where(where).limit(maxCounted).fetch().size();
    }

    List<ProductSummary> visibleCards(Collection<Long> ids) {
        return queries.select(CARD)
                .from(product)
                .where(product.id.in(ids), product.listed.isTrue())
                .fetch()
                .stream()
                .map(ProductSearch::summary)
                .toList();
    }

    /**
     * The order of a listing, ending in the id (stable pages). Public listings ({@code listed = TRUE}) put
     * {@code listed} first, in the sort's direction: a constant there, it lets the database walk the
     * {@code (listed, <sort column>, id)} index in order and stop once the page is full (V3 migration).
     */
    private static OrderSpecifier<?>[] order(ProductQuery query) {
        return query.staff() ? sortOrder(query) : publicOrder(query);
    }

    /**
     * The order alone, without {@code listed} first: for sorting rows found by primary key (a few keyword
     * matches), where no index should serve the order — H2 would otherwise walk a whole sort index to
     * avoid sorting 45 rows.
     */
    private static OrderSpecifier<?>[] sortOrder(ProductQuery query) {
        return switch (query.sort()) {
            case NEWEST -> new OrderSpecifier<?>[] { product.createdAt.desc(), product.id.desc() };
            case PRICE_ASC -> new OrderSpecifier<?>[] { product.salePrice.asc(), product.id.asc() };
            case PRICE_DESC -> new OrderSpecifier<?>[] { product.salePrice.desc(), product.id.desc() };
            case RATING -> new OrderSpecifier<?>[] { product.ratingX100.desc(), product.id.desc() };
            case POPULAR -> new OrderSpecifier<?>[] { product.popularity.desc(), product.id.desc() };
        };
    }

    private static OrderSpecifier<?>[] publicOrder(ProductQuery query) {
        OrderSpecifier<?>[] order = sortOrder(query);
        OrderSpecifier<?>[] publicOrder = new OrderSpecifier<?>[order.length + 1];
        publicOrder[0] = query.sort() == ProductSort.PRICE_ASC ? product.listed.asc() : product.listed.desc();
        System.arraycopy(order, 0, publicOrder, 1, order.length);
        return publicOrder;
    }

    private static ProductSummary summary(Tuple row) {
        ProductStatus status = row.get(product.status);
        int available = row.get(product.stockAvailable);
        return new ProductSummary(row.get(product.id), row.get(product.name), row.get(product.brand),
                row.get(product.categoryId), row.get(product.titleImage), row.get(product.price),
                row.get(product.discountRate), row.get(product.salePrice), ProductStatus.effective(status, available),
                Ratings.average(row.get(product.ratingSum), row.get(product.reviewCount)),
                row.get(product.reviewCount));
    }

    static ProductSummary summary(Product entity) {
        return new ProductSummary(entity.id(), entity.name(), entity.brand(), entity.categoryId(),
                entity.titleImage(), entity.price(), entity.discountRate(), entity.salePrice(),
                ProductStatus.effective(entity.status(), entity.stockAvailable()),
                Ratings.average(entity.ratingSum(), entity.reviewCount()), entity.reviewCount());
    }
}
