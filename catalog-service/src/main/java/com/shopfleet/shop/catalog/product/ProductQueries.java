package com.shopfleet.shop.catalog.product;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Reading products: listings and keyword search (QueryDSL, {@link ProductSearch}), by-ids lookups and
 * details. The public sees listed products only (not hidden, not deleted); staff see all.
 */
@Service
@Transactional(readOnly = true)
public class ProductQueries {

    private static final int DEFAULT_PAGE_SIZE = 20;

    private final ProductSearch search;
    private final ProductRepository repository;
    private final Categories categories;
    private final CatalogProperties.Listing limits;

    ProductQueries(ProductSearch search, ProductRepository repository, Categories categories,
            CatalogProperties properties) {
        this.search = search;
        this.repository = repository;
        this.categories = categories;
        this.limits = properties.listing();
    }

    /**
     * Validates a listing request: page ≥ 0, size 1..max, page × size below the deep-paging limit, a
     * known sort, prices ≥ 0 with min ≤ max, an existing category, a keyword of limited length and
     * terms. Anything else is a 400 naming the parameter.
     */
    public ProductQuery parse(ListingParameters parameters, boolean staff, boolean includeDeleted) {
        Map<String, String> errors = new LinkedHashMap<>();
        int page = parameters.page() == null ? 0 : parameters.page();
        int size = parameters.size() == null ? DEFAULT_PAGE_SIZE : parameters.size();
        if (page < 0) {
            errors.put("page", "catalog.listing.page");
        }
        if (size < 1 || size > limits.maxPageSize()) {
            errors.put("size", "catalog.listing.size");
        }
        else if (page >= 0 && (long) page * size >= limits.maxOffset()) {
            errors.put("page", "catalog.listing.too-deep");
        }
        ProductSort sort = parameters.sort() == null || parameters.sort().isBlank() ? ProductSort.NEWEST
                : ProductSort.fromWireName(parameters.sort().strip()).orElse(null);
        if (sort == null) {
            errors.put("sort", "catalog.listing.sort");
        }
        if (parameters.minPrice() != null && parameters.minPrice() < 0) {
            errors.put("minPrice", "catalog.listing.price");
        }
        if (parameters.maxPrice() != null && parameters.maxPrice() < 0) {
            errors.put("maxPrice", "catalog.listing.price");
        }
        if (parameters.minPrice() != null && parameters.maxPrice() != null
                && parameters.minPrice() > parameters.maxPrice()) {
            errors.put("minPrice", "catalog.listing.price-order");
        }
        List<String> terms = terms(parameters.q(), errors);
        Set<Long> categoryIds = null;
        if (parameters.category() != null) {
            categoryIds = categories.selfAndChildren(parameters.category());
            if (categoryIds.isEmpty()) {
                errors.put("category", "catalog.category.unknown");
            }
        }
        if (!errors.isEmpty()) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, errors);
        }
        return new ProductQuery(terms, parameters.category(), categoryIds, parameters.minPrice(),
                parameters.maxPrice(), sort, page, size, staff, staff && includeDeleted);
    }

    private List<String> terms(String q, Map<String, String> errors) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String keyword = q.strip();
        if (keyword.codePointCount(0, keyword.length()) > limits.maxKeywordLength()) {
            errors.put("q", "catalog.listing.keyword-length");
            return List.of();
        }
        List<String> terms = Arrays.stream(keyword.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(term -> !term.isEmpty())
                .distinct()
                .toList();
        if (terms.size() > limits.maxKeywordTerms()) {
            errors.put("q", "catalog.listing.keyword-terms");
            return List.of();
        }
        return terms;
    }

    /** A page of product cards matching a query. */
    public SearchResult<ProductSummary> search(ProductQuery query) {
        List<Set<Long>> categoriesPerTerm = query.hasKeyword() ? categories.matching(query.terms()) : List.of();
        return search.cards(query, categoriesPerTerm);
    }

    /** Staff listing: like {@link #search} with hidden (and on request deleted) products. */
    public SearchResult<StaffProductView> searchForStaff(ProductQuery query) {
        SearchResult<ProductSummary> cards = search(query);
        Map<Long, Product> products = repository.findAllById(cards.content().stream().map(ProductSummary::id).toList())
                .stream().collect(Collectors.toMap(Product::id, Function.identity()));
        return new SearchResult<>(cards.content().stream()
                .map(card -> products.get(card.id()))
                .filter(product -> product != null)
                .map(StaffProductView::of)
                .toList(), cards.totalElements());
    }

    /**
     * The listed products among {@code ids}, in the order asked for; unknown, hidden and deleted ones are
     * skipped, repeated ids answered once.
     */
    public List<ProductSummary> visibleByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> distinct = new LinkedHashSet<>(ids);
        Map<Long, ProductSummary> found = search.visibleCards(distinct).stream()
                .collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        return distinct.stream().map(found::get).filter(card -> card != null).toList();
    }

    /** A listed product's details; empty when it does not exist, is hidden or deleted. */
    public Optional<ProductDetails> visibleDetails(long id) {
        return repository.findById(id)
                .filter(Product::listed)
                .map(product -> new ProductDetails(ProductSearch.summary(product), product.images(),
                        product.description(), product.createdAt(), product.updatedAt()));
    }

    /** Whether the public may see the product. */
    public boolean isVisible(long id) {
        return repository.findById(id).map(Product::listed).orElse(false);
    }

    /** A product as staff see it, hidden and deleted included. */
    public StaffProductView forStaff(long id) {
        return repository.findById(id).map(StaffProductView::of)
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
    }
}
