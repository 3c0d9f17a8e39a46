package com.shopfleet.shop.catalog.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A delivered order item (from {@code OrderDelivered}): its buyer may review it once. */
@Entity
@Table(name = "purchased_item")
class PurchasedItem implements Persistable<Long> {

    @Id
    private Long orderItemId;

    private long orderId;

    private long userId;

    private long productId;

    private Instant deliveredAt;

    @Transient
    private boolean isNew;

    protected PurchasedItem() {
    }

    PurchasedItem(long orderItemId, long orderId, long userId, long productId, Instant deliveredAt) {
        this.orderItemId = orderItemId;
        this.orderId = orderId;
        this.userId = userId;
        this.productId = productId;
        this.deliveredAt = deliveredAt;
        this.isNew = true;
    }

    boolean reviewableBy(long user, long product) {
        return userId == user && productId == product;
    }

    @Override
    public Long getId() {
        return orderItemId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markNotNew() {
        isNew = false;
    }
}
