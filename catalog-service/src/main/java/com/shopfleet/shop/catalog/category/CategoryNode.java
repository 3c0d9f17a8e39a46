package com.shopfleet.shop.catalog.category;

import java.util.List;

/** A category as clients see it, with its children (empty for a child category). */
public record CategoryNode(long id, String name, int displayOrder, List<CategoryNode> children) {

    public CategoryNode {
        children = List.copyOf(children);
    }
}
