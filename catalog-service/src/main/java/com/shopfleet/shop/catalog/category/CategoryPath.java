package com.shopfleet.shop.catalog.category;

/** A category with its parent (null for a top-level one), as a product detail shows it. */
public record CategoryPath(long id, String name, Parent parent) {

    public record Parent(long id, String name) {
    }
}
