package com.shopfleet.shop.order.cart;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;
import com.shopfleet.shop.order.checkout.ShippingPolicy;
import com.shopfleet.shop.order.product.Product;
import com.shopfleet.shop.order.product.ProductAvailability;
import com.shopfleet.shop.order.product.Products;

/**
 * The buyer's cart. Adding or changing a line needs a product the buyer may order (unknown or
 * deleted → 404, hidden or sold out → 422); reading shows every line, a product that became
 * unavailable or was deleted later included, flagged rather than failing.
 */
@Service
public class Carts {

    private final CartStore store;
    private final Products products;
    private final ShippingPolicy shipping;
    private final CartProperties properties;
    private final Clock clock;

    Carts(CartStore store, Products products, ShippingPolicy shipping, CartProperties properties, Clock clock) {
        this.store = store;
        this.products = products;
        this.shipping = shipping;
        this.properties = properties;
        this.clock = clock;
    }

    public CartView view(long userId) {
        List<CartLine> stored = store.lines(userId);
        Map<Long, Product> known = products.byIds(stored.stream().map(CartLine::productId).toList());
        List<CartView.Line> lines = new ArrayList<>(stored.size());
        int items = 0;
        long goods = 0;
        for (CartLine line : stored) {
            CartView.Line view = line(line, known.get(line.productId()));
            lines.add(view);
            if (view.available()) {
                items += view.quantity();
                goods = Math.addExact(goods, view.lineTotal());
            }
        }
        long fee = shipping.feeFor(goods);
        return new CartView(lines, lines.size(), items, goods, fee, goods + fee);
    }

    public long count(long userId) {
        return store.count(userId);
    }

    /** Adds {@code quantity} of a product (to its line, if there is one) in one atomic step. */
    public void add(long userId, long productId, int quantity) {
        Product product = products.requireOrderable(productId, "productId");
        long result = store.add(userId, productId, quantity, product.salePrice(), clock.instant());
        if (result == CartStore.CART_FULL) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.cart.full", "productId", "error.cart.full",
                    properties.maxLines());
        }
        if (result == CartStore.QUANTITY_LIMIT) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.cart.quantityLimit", "quantity",
                    "error.cart.quantityLimit", properties.maxQuantity());
        }
    }

    /** Sets the quantity of a line already in the cart. */
    public void changeQuantity(long userId, long productId, int quantity) {
        if (quantity > properties.maxQuantity()) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.cart.quantityLimit", "quantity",
                    "error.cart.quantityLimit", properties.maxQuantity());
        }
        if (store.lines(userId).stream().noneMatch(line -> line.productId() == productId)) {
            throw Refusal.notFound("error.cart.lineNotFound");
        }
        products.requireOrderable(productId, "productId");
        if (store.set(userId, productId, quantity) == CartStore.NO_SUCH_LINE) {
            throw Refusal.notFound("error.cart.lineNotFound");
        }
    }

    public void remove(long userId, Collection<Long> productIds) {
        store.remove(userId, productIds);
    }

    /** Deletes the whole cart (the user left). */
    public void erase(long userId) {
        store.erase(userId);
    }

    private static CartView.Line line(CartLine line, Product product) {
        ProductAvailability availability = product == null ? ProductAvailability.UNKNOWN : product.availability();
        long unitPrice = product == null ? line.priceWhenAdded() : product.salePrice();
        long lineTotal = Math.multiplyExact(unitPrice, (long) line.quantity());
        return new CartView.Line(line.productId(), product == null ? null : product.name(),
                product == null ? null : product.brand(), product == null ? null : product.titleImage(), line.quantity(),
                unitPrice, product == null ? null : product.price(), product == null ? null : product.discountRate(),
                lineTotal, availability, availability.orderable(), product != null && unitPrice != line.priceWhenAdded(),
                line.priceWhenAdded(), line.addedAt());
    }
}
