package com.shopfleet.shop.catalog.review;

import java.util.LinkedHashMap;
import java.util.Map;

import com.shopfleet.shop.catalog.product.PlainText;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/** A review's rating (1–5) and plain-text content (10–1,000 characters once cleaned). */
public record ReviewText(int rating, String content) {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1000;

    public ReviewText {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rating < 1 || rating > 5) {
            errors.put("rating", "catalog.review.rating");
        }
        content = PlainText.clean(content);
        int length = content == null ? 0 : content.codePointCount(0, content.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            errors.put("content", "catalog.review.content-length");
        }
        if (!errors.isEmpty()) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, errors);
        }
    }
}
