package com.shopfleet.shop.catalog.storefront;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.shopfleet.shop.catalog.category.CategoryPath;
import com.shopfleet.shop.catalog.product.ProductDetails;
import com.shopfleet.shop.catalog.product.ProductStatus;
import com.shopfleet.shop.catalog.product.ProductSummary;
import com.shopfleet.shop.catalog.review.ReviewView;
import com.shopfleet.shop.contracts.web.PageResponse;

/**
 * The product detail page: the product, its category path, the rating histogram (1–5) and the first page
 * of reviews (newest first). Cached as JSON in Redis; nothing in it depends on who asks.
 */
public record ProductDetailResponse(long id, String name, String brand, CategoryPath category, String titleImage,
        List<String> images, String description, long price, int discountRate, long salePrice, ProductStatus status,
        BigDecimal ratingAverage, int reviewCount, Map<Integer, Long> ratingHistogram, PageResponse<ReviewView> reviews,
        Instant createdAt, Instant updatedAt) {

    public ProductDetailResponse {
        images = List.copyOf(images);
        ratingHistogram = Collections.unmodifiableMap(new TreeMap<>(ratingHistogram)); // "1" … "5" in order
    }

    static ProductDetailResponse of(ProductDetails details, CategoryPath category, Map<Integer, Long> histogram,
            PageResponse<ReviewView> reviews) {
        ProductSummary summary = details.summary();
        return new ProductDetailResponse(summary.id(), summary.name(), summary.brand(), category,
                summary.titleImage(), details.images(), details.description(), summary.price(),
                summary.discountRate(), summary.salePrice(), summary.status(), summary.ratingAverage(),
                summary.reviewCount(), histogram, reviews, details.createdAt(), details.updatedAt());
    }
}
