package com.shopfleet.shop.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product as staff see it, hidden and deleted ones included: the status they set next to the
 * effective one, and the stock counters.
 */
public record StaffProductView(long id, String name, String brand, long categoryId, String titleImage,
        List<String> images, String description, long price, int discountRate, long salePrice,
        ProductStatus status, ProductStatus effectiveStatus, boolean listed, boolean deleted, Instant deletedAt,
        Stock stock, int wishlistCount, BigDecimal ratingAverage, int reviewCount, Instant createdAt,
        Instant updatedAt, long version) {

    public StaffProductView {
        images = List.copyOf(images);
    }

    /** {@code initial + adjustments = available + reserved + sold}. */
    public record Stock(int initial, int available, int reserved, int sold) {
    }

    static StaffProductView of(Product product) {
        return new StaffProductView(product.id(), product.name(), product.brand(), product.categoryId(),
                product.titleImage(), product.images(), product.description(), product.price(),
                product.discountRate(), product.salePrice(), product.status(),
                ProductStatus.effective(product.status(), product.stockAvailable()), product.listed(),
                product.deleted(), product.deletedAt(),
                new Stock(product.stockInitial(), product.stockAvailable(), product.stockReserved(),
                        product.stockSold()),
                product.wishlistCount(), Ratings.average(product.ratingSum(), product.reviewCount()),
                product.reviewCount(), product.createdAt(), product.updatedAt(), product.version());
    }
}
