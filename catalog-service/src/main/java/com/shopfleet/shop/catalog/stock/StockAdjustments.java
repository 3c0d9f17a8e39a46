package com.shopfleet.shop.catalog.stock;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.catalog.product.ProductStock;
import com.shopfleet.shop.catalog.product.StockLevel;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** Staff set or change the available stock, with a reason; every adjustment is audited. */
@Service
@Transactional
public class StockAdjustments {

    public static final int MAX_STOCK = 1_000_000;

    private final StockAdjustmentRepository adjustments;
    private final ProductStock stock;
    private final Clock clock;

    StockAdjustments(StockAdjustmentRepository adjustments, ProductStock stock) {
        this.adjustments = adjustments;
        this.stock = stock;
        this.clock = Clock.systemUTC();
    }

    /**
     * Sets ({@code SET}) or moves ({@code ADD}, negative to remove) the available stock of a product. The
     * row is locked while it changes, so reservations in flight are never overwritten. Available stock
     * below zero or above {@value #MAX_STOCK} is refused (422).
     */
    public StockAdjustmentView adjust(long productId, AdjustmentKind kind, int quantity, String reason, long actorId) {
        StockLevel level = stock.lock(productId).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        if (level.deleted()) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "catalog.stock.deleted-product");
        }
        long after = kind == AdjustmentKind.SET ? quantity : (long) level.available() + quantity;
        if (after < 0) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "catalog.stock.negative");
        }
        if (after > MAX_STOCK) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "catalog.stock.too-large");
        }
        stock.setAvailable(productId, (int) after);
        StockAdjustment adjustment = adjustments.save(new StockAdjustment(productId, kind, level.available(),
                (int) after, reason.strip(), actorId, clock.instant()));
        if ((level.available() > 0) != (after > 0)) {
            stock.announceStatusChanges(List.of(productId));
        }
        return adjustment.view();
    }

    @Transactional(readOnly = true)
    public StockOverview overview(long productId) {
        StockLevel level = stock.level(productId).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        long total = adjustments.totalDelta(productId);
        return new StockOverview(productId, level.initial(), total, level.available(), level.reserved(), level.sold(),
                level.initial() + total == level.onHand());
    }

    @Transactional(readOnly = true)
    public Page<StockAdjustmentView> history(long productId, int page, int size) {
        return adjustments.history(productId, PageRequest.of(page, size)).map(StockAdjustment::view);
    }
}
