package com.shopfleet.shop.catalog.stock;

/** Where an order's stock stands: reserved, sold (order confirmed), released (cancelled/rejected) or rejected. */
public enum ReservationStatus {

    PENDING, RESERVED, REJECTED, SOLD, RELEASED
}
