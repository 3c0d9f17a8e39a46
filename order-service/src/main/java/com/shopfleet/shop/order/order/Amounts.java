package com.shopfleet.shop.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The money of an order in won, computed by the server at checkout:
 * {@code paymentAmount = goodsTotal + shippingFee - pointsUsed}.
 */
@Embeddable
public record Amounts(@Column(name = "goods_total") long goodsTotal, @Column(name = "shipping_fee") long shippingFee,
        @Column(name = "points_used") long pointsUsed, @Column(name = "payment_amount") long paymentAmount) {

    public Amounts {
        if (goodsTotal < 0 || shippingFee < 0 || pointsUsed < 0 || pointsUsed > goodsTotal
                || paymentAmount != goodsTotal + shippingFee - pointsUsed) {
            throw new IllegalArgumentException("inconsistent amounts: goods " + goodsTotal + ", shipping " + shippingFee
                    + ", points " + pointsUsed + ", payment " + paymentAmount);
        }
    }

    public static Amounts of(long goodsTotal, long shippingFee, long pointsUsed) {
        return new Amounts(goodsTotal, shippingFee, pointsUsed, goodsTotal + shippingFee - pointsUsed);
    }
}
