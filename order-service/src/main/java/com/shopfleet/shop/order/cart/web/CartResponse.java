package com.shopfleet.shop.order.cart.web;

import java.time.Instant;
import java.util.List;

import com.shopfleet.shop.order.cart.CartView;
import com.shopfleet.shop.order.product.ProductAvailability;

/**
 * {@code GET /api/cart}: lines newest first with the product's current data; {@code available} false
 * for products deleted, hidden, sold out or unknown (never an error); {@code priceChanged} when the
 * sale price moved since the line was added. The summary counts available lines only.
 */
record CartResponse(List<Line> lines, Summary summary) {

    static CartResponse from(CartView cart) {
        return new CartResponse(cart.lines().stream().map(Line::from).toList(), new Summary(cart.lineCount(),
                cart.itemCount(), cart.goodsTotal(), cart.shippingFee(), cart.total()));
    }

    record Line(long productId, String name, String brand, String titleImage, int quantity, long unitPrice,
            Long listPrice, Integer discountRate, long lineTotal, ProductAvailability availability, boolean available,
            boolean priceChanged, long priceWhenAdded, Instant addedAt) {

        static Line from(CartView.Line line) {
            return new Line(line.productId(), line.name(), line.brand(), line.titleImage(), line.quantity(),
                    line.unitPrice(), line.listPrice(), line.discountRate(), line.lineTotal(), line.availability(),
                    line.available(), line.priceChanged(), line.priceWhenAdded(), line.addedAt());
        }
    }

    record Summary(int lineCount, int itemCount, long goodsTotal, long shippingFee, long total) {
    }
}
