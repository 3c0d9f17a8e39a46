package com.shopfleet.shop.order.checkout;

import java.util.List;

/** In-process: an order was placed from these products; after commit they leave the buyer's cart. */
public record OrderCheckedOut(long orderId, long userId, List<Long> productIds) {
}
