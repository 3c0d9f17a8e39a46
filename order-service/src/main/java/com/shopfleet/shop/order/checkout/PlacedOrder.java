package com.shopfleet.shop.order.checkout;

import com.shopfleet.shop.order.order.OrderStatus;

/** The answer to {@code POST /api/orders} (202), stored with its idempotency key and replayed to retries. */
public record PlacedOrder(long orderId, String orderNumber, OrderStatus status) {
}
