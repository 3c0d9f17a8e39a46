package com.shopfleet.shop.catalog.wishlist;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.catalog.product.ProductCounters;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductSummary;
import com.shopfleet.shop.catalog.product.SearchResult;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** A user's wishlist: at most {@code shop.catalog.wishlist.max-items} visible products. */
@Service
@Transactional
public class Wishlists {

    private final WishlistStore store;
    private final ProductQueries products;
    private final ProductCounters counters;
    private final int maxItems;
    private final Clock clock;

    Wishlists(WishlistStore store, ProductQueries products, ProductCounters counters, CatalogProperties properties) {
        this.store = store;
        this.products = products;
        this.counters = counters;
        this.maxItems = properties.wishlist().maxItems();
        this.clock = Clock.systemUTC();
    }

    /**
     * Adds a visible product (404 otherwise); adding it again changes nothing. A full wishlist refuses a
     * new product with 409.
     */
    public boolean add(long userId, long productId) {
        if (!products.isVisible(productId)) {
            throw new ShopException(ErrorCode.NOT_FOUND);
        }
        if (!store.insertItem(userId, productId, clock.instant())) {
            return false;
        }
        if (!store.countOneMore(userId, maxItems)) {
            throw new ShopException(ErrorCode.CONFLICT, "catalog.wishlist.full", maxItems);
        }
        counters.wishlistsChanged(productId, 1);
        return true;
    }

    /** Removes a product; removing one that is not there changes nothing. */
    public void remove(long userId, long productId) {
        if (store.deleteItem(userId, productId)) {
            store.countOneLess(userId);
            counters.wishlistsChanged(productId, -1);
        }
    }

    @Transactional(readOnly = true)
    public boolean contains(long userId, long productId) {
        return store.exists(userId, productId);
    }

    /** Newest first, with product cards. */
    @Transactional(readOnly = true)
    public SearchResult<WishlistEntry> page(long userId, int page, int size) {
        long total = store.count(userId);
        List<WishlistStore.Entry> entries = (long) page * size >= total ? List.of() : store.page(userId, page, size);
        Map<Long, ProductSummary> cards = products.visibleByIds(entries.stream().map(WishlistStore.Entry::productId)
                .toList()).stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        return new SearchResult<>(entries.stream()
                .map(entry -> new WishlistEntry(entry.productId(), entry.addedAt(), cards.get(entry.productId())))
                .toList(), total);
    }

    /** {@code UserWithdrawn}: the wishlist is emptied and the products' wishlist counts follow. */
    public void clear(long userId) {
        List<Long> productIds = store.productsOf(userId);
        store.deleteAll(userId);
        productIds.forEach(productId -> counters.wishlistsChanged(productId, -1));
    }
}
