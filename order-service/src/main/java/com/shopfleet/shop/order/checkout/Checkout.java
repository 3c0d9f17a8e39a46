package com.shopfleet.shop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;
import com.shopfleet.shop.order.order.Amounts;
import com.shopfleet.shop.order.order.NewOrderLine;
import com.shopfleet.shop.order.order.Order;
import com.shopfleet.shop.order.order.Orders;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.order.product.Product;
import com.shopfleet.shop.order.product.Products;

/**
 * {@code POST /api/orders}: prices the lines from the product replica (never the client's prices),
 * applies the shipping rule and the points, and — in one transaction — holds the points, stores
 * the order PENDING with {@code OrderPlaced} in the outbox and marks the idempotency key DONE.
 */
@Service
public class Checkout {

    static final int ACCEPTED = 202;

    private final IdempotencyKeys keys;
    private final Products products;
    private final ShippingPolicy shipping;
    private final PointsWallet points;
    private final Orders orders;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper jsonMapper;

    Checkout(IdempotencyKeys keys, Products products, ShippingPolicy shipping, PointsWallet points, Orders orders,
            TransactionTemplate transactions, ApplicationEventPublisher publisher, JsonMapper jsonMapper) {
        this.keys = keys;
        this.products = products;
        this.shipping = shipping;
        this.points = points;
        this.orders = orders;
        this.transactions = transactions;
        this.publisher = publisher;
        this.jsonMapper = jsonMapper;
    }

    /** Places the order, or replays the answer of the first request with this key and body. */
    public PlacedOrder place(long userId, String idempotencyKey, CheckoutCommand command) {
        IdempotencyKeys.Claim claim = keys.claim(userId, idempotencyKey, fingerprint(command));
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            return replay.response();
        }
        long keyId = ((IdempotencyKeys.Claim.Claimed) claim).id();
        try {
            return transactions.execute(status -> {
                Order order = placeOrder(userId, command);
                PlacedOrder placed = new PlacedOrder(order.id(), order.orderNumber(), order.status());
                keys.complete(keyId, ACCEPTED, placed);
                publisher.publishEvent(new OrderCheckedOut(order.id(), userId,
                        command.items().stream().map(CheckoutCommand.Item::productId).toList()));
                return placed;
            });
        }
        catch (RuntimeException failed) {
            keys.release(keyId);
            throw failed;
        }
    }

    private Order placeOrder(long userId, CheckoutCommand command) {
        Priced priced = price(userId, command);
        PriceBreakdown prices = priced.breakdown();
        if (command.expectedTotal() != null && command.expectedTotal() != prices.paymentAmount()) {
            throw Refusal.withData(ErrorCode.PRICE_CHANGED, "error.PRICE_CHANGED", prices);
        }
        return orders.place(userId, command.paymentMethod(), command.shipping(), priced.lines(),
                new Amounts(prices.goodsTotal(), prices.shippingFee(), prices.pointsUsed(), prices.paymentAmount()));
    }

    /**
     * The server's prices, from the replica only: unknown or deleted products → 404, hidden or sold
     * out → 422, points beyond the balance or the goods total → 422.
     */
    private Priced price(long userId, CheckoutCommand command) {
        Map<Long, Product> known = products.byIds(command.items().stream().map(CheckoutCommand.Item::productId).toList());
        List<NewOrderLine> lines = new ArrayList<>();
        List<PriceBreakdown.Line> breakdown = new ArrayList<>();
        long goods = 0;
        for (int i = 0; i < command.items().size(); i++) {
            CheckoutCommand.Item item = command.items().get(i);
            Product product = Products.requireOrderable(known.get(item.productId()), "items[" + i + "].productId");
            NewOrderLine line = new NewOrderLine(product.id(), product.name(), product.titleImage(), product.salePrice(),
                    item.quantity());
            goods = Math.addExact(goods, line.lineTotal());
            lines.add(line);
            breakdown.add(new PriceBreakdown.Line(product.id(), product.name(), product.salePrice(), item.quantity(),
                    line.lineTotal()));
        }
        long usePoints = command.usePoints();
        if (usePoints > goods) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.points.exceedsGoods", "usePoints",
                    "error.points.exceedsGoods");
        }
        if (usePoints > 0 && usePoints > points.balance(userId).balance()) {
            throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.points.insufficient", "usePoints",
                    "error.points.insufficient");
        }
        long fee = shipping.feeFor(goods);
        return new Priced(lines, new PriceBreakdown(breakdown, goods, fee, usePoints, goods + fee - usePoints));
    }

    private record Priced(List<NewOrderLine> lines, PriceBreakdown breakdown) {
    }

    /** What "the same body" means for idempotency: the SHA-256 of the command's canonical JSON. */
    private String fingerprint(CheckoutCommand command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(jsonMapper.writeValueAsString(command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
