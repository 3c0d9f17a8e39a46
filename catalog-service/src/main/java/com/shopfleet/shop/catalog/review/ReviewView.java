package com.shopfleet.shop.catalog.review;

import java.time.Instant;

/**
 * A review as anyone sees it. {@code authorName} is masked (김*수), or null once the author withdrew.
 */
public record ReviewView(long id, long productId, int rating, String content, String authorName, Instant createdAt,
        Instant updatedAt) {
}
