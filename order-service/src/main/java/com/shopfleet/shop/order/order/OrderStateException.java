package com.shopfleet.shop.order.order;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** An order was asked for a transition its state does not allow: 409 with the state and the action in the message. */
public class OrderStateException extends ShopException {

    private final OrderStatus status;
    private final String action;

    OrderStateException(OrderStatus status, String action) {
        super(ErrorCode.CONFLICT, "error.order.illegalTransition",
                new DefaultMessageSourceResolvable(new String[] { "order.status." + status.name() }, status.name()),
                new DefaultMessageSourceResolvable(new String[] { "order.action." + action }, action));
        this.status = status;
        this.action = action;
    }

    public OrderStatus status() {
        return status;
    }

    public String action() {
        return action;
    }
}
