package com.shopfleet.shop.order.checkout;

import java.util.List;

/** The server's prices for a checkout: the data of a {@code PRICE_CHANGED} refusal, for the buyer to confirm. */
public record PriceBreakdown(List<Line> lines, long goodsTotal, long shippingFee, long pointsUsed, long paymentAmount) {

    public record Line(long productId, String productName, long unitSalePrice, int quantity, long lineTotal) {
    }
}
