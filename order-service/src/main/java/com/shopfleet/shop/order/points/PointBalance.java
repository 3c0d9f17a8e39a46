package com.shopfleet.shop.order.points;

/**
 * A user's points.
 *
 * @param balance what can be spent now
 * @param held what orders in progress have set aside (spent once they are paid, back when they fail)
 */
public record PointBalance(long balance, long held) {

    public static final PointBalance EMPTY = new PointBalance(0, 0);
}
