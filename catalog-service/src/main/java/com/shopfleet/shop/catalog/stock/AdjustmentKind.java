package com.shopfleet.shop.catalog.stock;

/** How staff changed the available stock: set it to a quantity, or add (or remove) units. */
public enum AdjustmentKind {

    SET, ADD
}
