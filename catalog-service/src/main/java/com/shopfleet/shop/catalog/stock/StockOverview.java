package com.shopfleet.shop.catalog.stock;

/**
 * A product's stock with its conservation check: {@code initial + adjustments = available + reserved +
 * sold} ({@code balanced}).
 */
public record StockOverview(long productId, int initial, long adjustments, int available, int reserved, int sold,
        boolean balanced) {
}
