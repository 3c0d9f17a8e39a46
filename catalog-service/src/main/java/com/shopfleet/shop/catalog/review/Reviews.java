package com.shopfleet.shop.catalog.review;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.caching.CacheGenerations;
import com.shopfleet.shop.catalog.product.ProductCounters;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.contracts.events.order.OrderDelivered;
import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Reviews of delivered order items and the product's rating aggregates, kept exact by atomic updates in
 * the same transaction as the review itself.
 */
@Service
@Transactional
public class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);

    private final ReviewRepository reviews;
    private final PurchasedItemRepository purchases;
    private final ProductQueries products;
    private final ProductCounters counters;
    private final CacheGenerations caches;
    private final Clock clock;

    Reviews(ReviewRepository reviews, PurchasedItemRepository purchases, ProductQueries products,
            ProductCounters counters, CacheGenerations caches) {
        this.reviews = reviews;
        this.purchases = purchases;
        this.products = products;
        this.counters = counters;
        this.caches = caches;
        this.clock = Clock.systemUTC();
    }

    /**
     * The buyer of a delivered order item reviews it, once: someone else, an item not (yet) delivered or
     * of another product is refused (422); a second review of the item is a conflict (409, backed by the
     * unique key).
     */
    public ReviewView write(long productId, long orderItemId, ReviewText text, ShopIdentity author) {
        requireVisible(productId);
        boolean eligible = purchases.findById(orderItemId)
                .map(item -> item.reviewableBy(author.userId(), productId))
                .orElse(false);
        if (!eligible) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "catalog.review.not-eligible");
        }
        if (reviews.existsByOrderItemId(orderItemId)) {
            throw new ShopException(ErrorCode.CONFLICT, "catalog.review.duplicate");
        }
        Review review = reviews.saveAndFlush(new Review(productId, orderItemId, author.userId(),
                NameMask.mask(author.name()), text, clock.instant()));
        counters.reviewsChanged(productId, 1, text.rating());
        return review.view();
    }

    /** The author changes their review; anyone else's is "not found". */
    public ReviewView revise(long productId, long reviewId, ReviewText text, long userId) {
        Review review = reviews.findById(reviewId)
                .filter(found -> found.about(productId) && found.writtenBy(userId))
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        int moved = review.revise(text, clock.instant());
        reviews.saveAndFlush(review);
        counters.reviewsChanged(productId, 0, moved);
        return review.view();
    }

    /** The author (or a MANAGER, moderating) deletes a review; the buyer may then review the item again. */
    public void delete(long productId, long reviewId, ShopIdentity caller) {
        Review review = reviews.findById(reviewId)
                .filter(found -> found.about(productId)
                        && (found.writtenBy(caller.userId()) || caller.hasRole(Role.MANAGER)))
                .orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        reviews.delete(review);
        reviews.flush();
        counters.reviewsChanged(productId, -1, -review.rating());
    }

    /** A page of a visible product's reviews. */
    @Transactional(readOnly = true)
    public Page<ReviewView> page(long productId, ReviewSort sort, int page, int size) {
        requireVisible(productId);
        return reviews.findByProductId(productId, PageRequest.of(page, size, order(sort))).map(Review::view);
    }

    /** How many reviews gave each rating, 1 to 5 (zeros included). */
    @Transactional(readOnly = true)
    public Map<Integer, Long> histogram(long productId) {
        Map<Integer, Long> histogram = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            histogram.put(rating, 0L);
        }
        for (Object[] row : reviews.histogram(productId)) {
            histogram.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return histogram;
    }

    /** {@code OrderDelivered}: each item may now be reviewed by the buyer. */
    public void recordDelivery(OrderDelivered delivered) {
        for (OrderDelivered.Item item : delivered.items()) {
            if (!purchases.existsById(item.orderItemId())) {
                purchases.save(new PurchasedItem(item.orderItemId(), delivered.orderId(), delivered.userId(),
                        item.productId(), clock.instant()));
            }
        }
    }

    /**
     * {@code UserWithdrawn}: the user's reviews stay (ratings included) but no longer name or point to
     * them; what they bought is forgotten.
     */
    public void anonymize(long userId) {
        List<Long> products = reviews.productsReviewedBy(userId);
        int anonymized = reviews.anonymize(userId);
        int forgotten = purchases.deleteByUser(userId);
        products.forEach(caches::productChanged);
        log.info("User withdrawn: {} reviews anonymized, {} purchased items forgotten", anonymized, forgotten);
    }

    private void requireVisible(long productId) {
        if (!products.isVisible(productId)) {
            throw new ShopException(ErrorCode.NOT_FOUND);
        }
    }

    private static Sort order(ReviewSort sort) {
        return switch (sort) {
            case NEWEST -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
            case RATING_DESC -> Sort.by(Sort.Order.desc("rating"), Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
            case RATING_ASC -> Sort.by(Sort.Order.asc("rating"), Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        };
    }
}
