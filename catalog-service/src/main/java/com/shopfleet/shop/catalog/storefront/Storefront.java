package com.shopfleet.shop.catalog.storefront;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.catalog.caching.CacheGenerations;
import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryPath;
import com.shopfleet.shop.catalog.product.ProductDetails;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductQuery;
import com.shopfleet.shop.catalog.product.ProductSummary;
import com.shopfleet.shop.catalog.product.SearchResult;
import com.shopfleet.shop.catalog.review.ReviewSort;
import com.shopfleet.shop.catalog.review.ReviewView;
import com.shopfleet.shop.catalog.review.Reviews;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ShopException;

/**
 * What the public browses: product details and listings, the first listing pages (without keyword) and
 * every detail cached in Redis under versioned keys. A cached detail never touches the database (a
 * listing only looks up its category filter). Redis being down only costs the cache: answers then come
 * from the database.
 */
@Service
public class Storefront {

    private static final Logger log = LoggerFactory.getLogger(Storefront.class);

    private final ProductQueries products;
    private final Categories categories;
    private final Reviews reviews;
    private final CacheGenerations generations;
    private final Cache details;
    private final Cache listings;
    private final TransactionTemplate readOnly;
    private final CatalogProperties properties;

    Storefront(ProductQueries products, Categories categories, Reviews reviews, CacheGenerations generations,
            CacheManager caches, PlatformTransactionManager transactions, CatalogProperties properties) {
        this.products = products;
        this.categories = categories;
        this.reviews = reviews;
        this.generations = generations;
        this.details = caches.getCache(StorefrontCacheConfiguration.PRODUCT_DETAIL);
        this.listings = caches.getCache(StorefrontCacheConfiguration.PRODUCT_LISTING);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
    }

    /** A listed product's detail; 404 for an unknown, hidden or deleted one. */
    public ProductDetailResponse detail(long id) {
        Optional<String> key = generations.detailKey(id);
        ProductDetailResponse cached = key.map(k -> read(details, k, ProductDetailResponse.class)).orElse(null);
        if (cached != null) {
            return cached;
        }
        ProductDetailResponse fresh = readOnly.execute(status -> loadDetail(id));
        key.ifPresent(k -> write(details, k, fresh));
        return fresh;
    }

    /** A page of a listing; browse pages below {@code shop.catalog.cache.listing-pages} come from the cache. */
    public PageResponse<ProductSummary> list(ProductQuery query) {
        boolean cacheable = !query.hasKeyword() && query.page() < properties.cache().listingPages();
        Optional<String> key = cacheable ? generations.listingKey(query.cacheKey()) : Optional.empty();
        ListingPage page = key.map(k -> read(listings, k, ListingPage.class)).orElse(null);
        if (page == null) {
            SearchResult<ProductSummary> result = products.search(query);
            page = new ListingPage(result.content(), result.totalElements());
            ListingPage loaded = page;
            key.ifPresent(k -> write(listings, k, loaded));
        }
        return PageResponse.of(page.content(), query.size(), query.page(), page.totalElements());
    }

    /** Cards of the listed products among {@code ids}, in the order asked for. */
    public List<ProductSummary> byIds(List<Long> ids) {
        return products.visibleByIds(ids);
    }

    private ProductDetailResponse loadDetail(long id) {
        ProductDetails product = products.visibleDetails(id).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        CategoryPath category = categories.path(product.summary().categoryId()).orElse(null);
        int size = properties.listing().reviewsOnDetail();
        var firstReviews = reviews.page(id, ReviewSort.NEWEST, 0, size);
        PageResponse<ReviewView> reviewPage = PageResponse.of(firstReviews.getContent(), size, 0,
                firstReviews.getTotalElements());
        return ProductDetailResponse.of(product, category, reviews.histogram(id), reviewPage);
    }

    private static <T> T read(Cache cache, String key, Class<T> type) {
        try {
            return cache.get(key, type);
        }
        catch (RuntimeException ex) {
            log.warn("Cache {} unreadable, answering from the database: {}", cache.getName(), ex.toString());
            return null;
        }
    }

    private static void write(Cache cache, String key, Object value) {
        try {
            cache.put(key, value);
        }
        catch (RuntimeException ex) {
            log.warn("Cache {} not written: {}", cache.getName(), ex.toString());
        }
    }
}
