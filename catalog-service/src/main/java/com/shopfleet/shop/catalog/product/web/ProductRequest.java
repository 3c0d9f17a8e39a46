package com.shopfleet.shop.catalog.product.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.shopfleet.shop.catalog.product.Pricing;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductStatus;

/**
 * A product as staff write it. Images are URLs (https, http or a path on this site; no upload here);
 * the description is plain text. {@code initialStock} is read on creation only: afterwards stock changes
 * through audited adjustments.
 */
record ProductRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String brand,
        @NotNull @Positive Long categoryId,
        @NotBlank @Size(max = 500) @Pattern(regexp = IMAGE_URL, message = "{catalog.product.image-url}") String titleImage,
        @Size(max = 10) List<@NotBlank @Size(max = 500) @Pattern(regexp = IMAGE_URL,
                message = "{catalog.product.image-url}") String> images,
        @NotNull @Size(max = 5000) String description,
        @NotNull @Min(Pricing.MIN_PRICE) @Max(Pricing.MAX_PRICE) Long price,
        @NotNull @Min(0) @Max(Pricing.MAX_DISCOUNT_RATE) Integer discountRate,
        @NotNull ProductStatus status,
        @Min(0) @Max(1_000_000) Integer initialStock) {

    static final String IMAGE_URL = "^(https?://[^\\s\"'<>]+|/[^\\s\"'<>]*)$";

    ProductDraft toDraft() {
        return new ProductDraft(name, brand, categoryId, titleImage, images, description, price, discountRate,
                status);
    }
}
