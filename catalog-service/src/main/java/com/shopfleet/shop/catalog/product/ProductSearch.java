package com.shopfleet.shop.catalog.product;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.Tuple;
import com.querydsl.core.types.Expression;
import com.querydsl.core.types.OrderSpecifier;
import com.querydsl.core.types.dsl.BooleanExpression;
import com.querydsl.core.types.dsl.Expressions;
import com.querydsl.core.types.dsl.NumberExpression;
import com.querydsl.jpa.impl.JPAQueryFactory;
import com.shopfleet.shop.catalog.CatalogProperties;

/**
 * The product listing query, built with QueryDSL. Filters and sorts are served by the indexes of
 * {@code V1__catalog.sql}: {@code listed} + the sort column (newest, price, rating, popular), and
 * {@code category_id, listed, sale_price} for a category. A keyword is served by the keyword index
 * ({@code product_token}, {@link SearchTokens}): each term's candidates come from it, and only those rows
 * are checked exactly (lower-cased {@code search_text LIKE '%term%'}); a term may also match the
 * categories whose name contains it (looked up first in the small category table). Totals are exact up
 * to the deepest position a client may page to ({@code listing.max-offset}) and capped there.
 */
@Component
class ProductSearch {

    private static final QProduct product = QProduct.product;

    private static final Expression<?>[] CARD = { product.id, product.name, product.brand, product.categoryId,
            product.titleImage, product.price, product.discountRate, product.salePrice, product.status,
            product.stockAvailable, product.ratingSum, product.reviewCount };

    /** The number of rows matching the whole query, computed in the same pass as the page (HQL window function). */
    private static final NumberExpression<Long> MATCHES = Expressions.numberTemplate(Long.class, "count(*) over ()");

    private final JPAQueryFactory queries;
    private final ProductTokenIndex tokens;
    private final int maxCandidates;
    private final int maxCounted;

    ProductSearch(EntityManager entityManager, ProductTokenIndex tokens, CatalogProperties properties) {
        this.queries = new JPAQueryFactory(entityManager);
        this.tokens = tokens;
        this.maxCandidates = properties.listing().maxKeywordCandidates();
        this.maxCounted = properties.listing().maxOffset();
    }

    SearchResult<ProductSummary> cards(ProductQuery query, List<Set<Long>> categoriesPerTerm) {
        BooleanBuilder where = new BooleanBuilder();
        if (!query.staff()) {
            where.and(product.listed.isTrue());
        }
        else if (!query.includeDeleted()) {
            where.and(product.deleted.isFalse());
        }
        if (query.categoryIds() != null) {
            where.and(product.categoryId.in(query.categoryIds()));
        }
        if (query.minPrice() != null) {
            where.and(product.salePrice.goe(query.minPrice()));
        }
        if (query.maxPrice() != null) {
            where.and(product.salePrice.loe(query.maxPrice()));
        }
        long offset = (long) query.page() * query.size();
        if (query.hasKeyword()) {
            return keywordPage(where, query, categoriesPerTerm, offset);
        }
        return page(where, query, offset);
    }

    /**
     * Each term is matched through the keyword index ({@code product_token}): its candidates are read from
     * the index alone (index range scans, no product row). No candidate and no matching category: the
     * answer is empty without touching {@code product}. Otherwise the query is restricted to the
     * candidates (intersected over the terms) and the database looks up just those rows by primary key,
     * where the exact substring check ({@code search_text LIKE '%term%'}) runs; page and total come from
     * that one pass ({@code count(*) over ()}). A term with more candidates than
     * {@code listing.max-keyword-candidates} (a frequent word or character) or also matching a category
     * name restricts nothing: it is checked row by row along the sort's index, which stops once the page
     * is full, and the total is counted apart ({@link #total}).
     */
    private SearchResult<ProductSummary> keywordPage(BooleanBuilder where, ProductQuery query,
            List<Set<Long>> categoriesPerTerm, long offset) {
        long[] restriction = null;
        for (int i = 0; i < query.terms().size(); i++) {
            String term = query.terms().get(i);
            BooleanExpression contains = product.searchText.like("%" + escapeLike(term) + "%", '!');
            long[] candidates = tokens.candidates(term, maxCandidates + 1);
            Set<Long> categoryMatches = categoriesPerTerm.get(i);
            if (candidates.length == 0 && categoryMatches.isEmpty()) {
                return new SearchResult<>(List.of(), 0);
            }
            if (categoryMatches.isEmpty()) {
                where.and(contains);
                if (candidates.length <= maxCandidates) {
                    restriction = restriction == null ? candidates : intersection(restriction, candidates);
                }
            }
            else if (candidates.length == 0) {
                where.and(product.categoryId.in(categoryMatches));
            }
            else {
                where.and(contains.or(product.categoryId.in(categoryMatches)));
            }
        }
        if (restriction == null) {
            return page(where, query, offset);
        }
        if (restriction.length == 0) {
            return new SearchResult<>(List.of(), 0);
        }
        where.and(product.id.in(Arrays.stream(restriction).boxed().toList()));
        Expression<?>[] columns = Arrays.copyOf(CARD, CARD.length + 1);
        columns[CARD.length] = MATCHES;
        List<Tuple> rows = queries.select(columns)
                .from(product)
                .where(where)
                .orderBy(order(query))
                .offset(offset)
                .limit(query.size())
                .fetch();
        if (rows.isEmpty()) {
            return new SearchResult<>(List.of(), total(where, offset, 0, query.size()));
        }
        return new SearchResult<>(rows.stream().map(ProductSearch::summary).toList(), rows.getFirst().get(MATCHES));
    }

    /** The ids in both sorted arrays, sorted. */
    static long[] intersection(long[] left, long[] right) {
        long[] out = new long[Math.min(left.length, right.length)];
        int n = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length;) {
            if (left[i] < right[j]) {
                i++;
            }
            else if (left[i] > right[j]) {
                j++;
            }
            else {
                out[n++] = left[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A page in the order of the sort's index (stopping once it is full) and the (bounded) total. */
    private SearchResult<ProductSummary> page(BooleanBuilder where, ProductQuery query, long offset) {
        List<ProductSummary> content = queries.select(CARD)
                .from(product)
                .where(where)
                .orderBy(order(query))
                .offset(offset)
                .limit(query.size())
                .fetch()
                .stream()
                .map(ProductSearch::summary)
                .toList();
        return new SearchResult<>(content, total(where, offset, content.size(), query.size()));
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
        OrderSpecifier<?>[] order = switch (query.sort()) {
            case NEWEST -> new OrderSpecifier<?>[] { product.createdAt.desc(), product.id.desc() };
            case PRICE_ASC -> new OrderSpecifier<?>[] { product.salePrice.asc(), product.id.asc() };
            case PRICE_DESC -> new OrderSpecifier<?>[] { product.salePrice.desc(), product.id.desc() };
            case RATING -> new OrderSpecifier<?>[] { product.ratingX100.desc(), product.id.desc() };
            case POPULAR -> new OrderSpecifier<?>[] { product.popularity.desc(), product.id.desc() };
        };
        if (query.staff()) {
            return order;
        }
        OrderSpecifier<?>[] publicOrder = new OrderSpecifier<?>[order.length + 1];
        publicOrder[0] = query.sort() == ProductSort.PRICE_ASC ? product.listed.asc() : product.listed.desc();
        System.arraycopy(order, 0, publicOrder, 1, order.length);
        return publicOrder;
    }

    /** LIKE wildcards in what the user typed match themselves ({@code !} is the escape character). */
    static String escapeLike(String term) {
        return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
