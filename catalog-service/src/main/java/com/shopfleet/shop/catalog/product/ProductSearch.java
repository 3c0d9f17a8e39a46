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

/**
 * The product listing query, built with QueryDSL. Filters and sorts are served by the indexes of
 * {@code V1__catalog.sql}: {@code listed} + the sort column (newest, price, rating, popular), and
 * {@code category_id, listed, sale_price} for a category. A keyword is matched term by term against the
 * lower-cased {@code search_text} (name and brand) with {@code LIKE '%term%'} — a scan of the rows
 * the other filters leave, done once per request — or against the categories whose name contains it
 * (looked up first in the small category table, so no join per row).
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

    ProductSearch(EntityManager entityManager) {
        this.queries = new JPAQueryFactory(entityManager);
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
        for (int i = 0; i < query.terms().size(); i++) {
            BooleanExpression matches = product.searchText.like("%" + escapeLike(query.terms().get(i)) + "%", '!');
            Set<Long> categoryMatches = categoriesPerTerm.get(i);
            if (!categoryMatches.isEmpty()) {
                matches = matches.or(product.categoryId.in(categoryMatches));
            }
            where.and(matches);
        }
        long offset = (long) query.page() * query.size();
        if (query.hasKeyword()) {
            return keywordPage(where, query, offset);
        }
        Long total = queries.select(product.count()).from(product).where(where).fetchOne();
        if (total == null || total <= offset) {
            return new SearchResult<>(List.of(), total == null ? 0 : total);
        }
        List<ProductSummary> content = queries.select(CARD)
                .from(product)
                .where(where)
                .orderBy(order(query.sort()))
                .offset(offset)
                .limit(query.size())
                .fetch()
                .stream()
                .map(ProductSearch::summary)
                .toList();
        return new SearchResult<>(content, total);
    }

    /**
     * A keyword has to look at every row the filters leave, so the page and the number of matches come
     * from that one pass ({@code count(*) over ()}) instead of a count and a page query scanning twice.
     * Only a page beyond the last one needs the count on its own.
     */
    private SearchResult<ProductSummary> keywordPage(BooleanBuilder where, ProductQuery query, long offset) {
        Expression<?>[] columns = Arrays.copyOf(CARD, CARD.length + 1);
        columns[CARD.length] = MATCHES;
        List<Tuple> rows = queries.select(columns)
                .from(product)
                .where(where)
                .orderBy(order(query.sort()))
                .offset(offset)
                .limit(query.size())
                .fetch();
        if (rows.isEmpty()) {
            Long total = offset == 0 ? Long.valueOf(0)
                    : queries.select(product.count()).from(product).where(where).fetchOne();
            return new SearchResult<>(List.of(), total == null ? 0 : total);
        }
        return new SearchResult<>(rows.stream().map(ProductSearch::summary).toList(), rows.getFirst().get(MATCHES));
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

    private static OrderSpecifier<?>[] order(ProductSort sort) {
        return switch (sort) {
            case NEWEST -> new OrderSpecifier<?>[] { product.createdAt.desc(), product.id.desc() };
            case PRICE_ASC -> new OrderSpecifier<?>[] { product.salePrice.asc(), product.id.asc() };
            case PRICE_DESC -> new OrderSpecifier<?>[] { product.salePrice.desc(), product.id.desc() };
            case RATING -> new OrderSpecifier<?>[] { product.ratingX100.desc(), product.id.desc() };
            case POPULAR -> new OrderSpecifier<?>[] { product.popularity.desc(), product.id.desc() };
        };
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
