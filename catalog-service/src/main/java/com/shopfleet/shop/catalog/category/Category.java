package com.shopfleet.shop.catalog.category;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** A category of the two-level tree: a top-level category ({@code parentId} null) or one of its children. */
@Entity
@Table(name = "category")
class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    private String name;

    private int displayOrder;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Category() {
    }

    private Category(Long parentId, String name, int displayOrder, Instant now) {
        this.parentId = parentId;
        this.name = name;
        this.displayOrder = displayOrder;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Category topLevel(String name, int displayOrder, Instant now) {
        return new Category(null, name, displayOrder, now);
    }

    /** A child of {@code parent}; the tree has two levels, so the parent must be a top-level category. */
    static Category childOf(Category parent, String name, int displayOrder, Instant now) {
        if (!parent.isTopLevel()) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "catalog.category.depth");
        }
        return new Category(parent.id, name, displayOrder, now);
    }

    void rename(String name, int displayOrder, Instant now) {
        this.name = name;
        this.displayOrder = displayOrder;
        this.updatedAt = now;
    }

    boolean isTopLevel() {
        return parentId == null;
    }

    Long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    String name() {
        return name;
    }

    int displayOrder() {
        return displayOrder;
    }
}
