package com.shopfleet.shop.order.cart;

import java.time.Instant;
import java.util.List;

import com.shopfleet.shop.order.product.ProductAvailability;

/**
 * A cart as the buyer sees it now: each line with the product's current data from the replica and
 * flags for what changed; the summary counts only lines that can be ordered.
 */
public record CartView(List<Line> lines, int lineCount, int itemCount, long goodsTotal, long shippingFee,
        long total) {

    /**
     * @param name null for a product the replica has never seen
     * @param unitPrice the current sale price (or the one seen at adding, when the product is unknown)
     * @param priceChanged the sale price differs from the one when the line was added
     */
    public record Line(long productId, String name, String brand, String titleImage, int quantity, long unitPrice,
            Long listPrice, Integer discountRate, long lineTotal, ProductAvailability availability, boolean available,
            boolean priceChanged, long priceWhenAdded, Instant addedAt) {
    }
}
