package com.shopfleet.shop.order.cart;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.order.AfterCommit;
import com.shopfleet.shop.order.checkout.OrderCheckedOut;

/**
 * Ordered lines leave the cart once the order is committed (not before: a failed checkout keeps
 * them). If Redis is down then, the order stands and the lines simply stay in the cart.
 */
@Component
class CartCleanup {

    private final CartStore store;
    private final AfterCommit afterCommit;

    CartCleanup(CartStore store, AfterCommit afterCommit) {
        this.store = store;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(OrderCheckedOut checkedOut) {
        afterCommit.run("remove ordered lines of order " + checkedOut.orderId(),
                () -> store.remove(checkedOut.userId(), checkedOut.productIds()));
    }
}
