package com.shopfleet.shop.catalog.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A buyer's review of a delivered order item: one per order item (unique key). The author's name is
 * stored masked, as it was when the review was written; a withdrawn author's reviews keep their text
 * but lose every link to the person.
 */
@Entity
@Table(name = "review")
class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long productId;

    private long orderItemId;

    private Long userId;

    private String authorName;

    private int rating;

    private String content;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Review() {
    }

    Review(long productId, long orderItemId, long userId, String maskedAuthorName, ReviewText text, Instant now) {
        this.productId = productId;
        this.orderItemId = orderItemId;
        this.userId = userId;
        this.authorName = maskedAuthorName;
        this.rating = text.rating();
        this.content = text.content();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Changes rating and text; answers how much the rating moved. */
    int revise(ReviewText text, Instant now) {
        int moved = text.rating() - rating;
        this.rating = text.rating();
        this.content = text.content();
        this.updatedAt = now;
        return moved;
    }

    boolean writtenBy(long user) {
        return userId != null && userId == user;
    }

    boolean about(long product) {
        return productId == product;
    }

    Long id() {
        return id;
    }

    long productId() {
        return productId;
    }

    int rating() {
        return rating;
    }

    ReviewView view() {
        return new ReviewView(id, productId, rating, content, authorName, createdAt, updatedAt);
    }
}
