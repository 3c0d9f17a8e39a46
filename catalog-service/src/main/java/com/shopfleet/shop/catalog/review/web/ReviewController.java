package com.shopfleet.shop.catalog.review.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.review.ReviewSort;
import com.shopfleet.shop.catalog.review.ReviewText;
import com.shopfleet.shop.catalog.review.ReviewView;
import com.shopfleet.shop.catalog.review.Reviews;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Reviews of a product: anyone reads them; a signed-in buyer writes, edits and deletes their own. The
 * path is public for reading, so writing checks for a signed-in caller itself (401 otherwise).
 */
@RestController
@RequestMapping("/api/products/{productId}/reviews")
@Validated
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    ApiResponse<PageResponse<ReviewView>> page(@PathVariable long productId,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
        ReviewSort order = ReviewSort.fromWireName(sort).orElseThrow(() -> ShopException
                .withFields(ErrorCode.VALIDATION_FAILED, Map.of("sort", "catalog.review.sort")));
        Page<ReviewView> found = reviews.page(productId, order, page, size);
        return ApiResponse.ok(PageResponse.of(found.getContent(), size, page, found.getTotalElements()));
    }

    @PostMapping
    ResponseEntity<ApiResponse<ReviewView>> write(@PathVariable long productId,
            @Valid @RequestBody WriteReviewRequest request, @AuthenticationPrincipal ShopIdentity me) {
        ShopIdentity author = signedIn(me);
        ReviewView written = reviews.write(productId, request.orderItemId(),
                new ReviewText(request.rating(), request.content()), author);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(written));
    }

    @PutMapping("/{reviewId}")
    ApiResponse<ReviewView> revise(@PathVariable long productId, @PathVariable long reviewId,
            @Valid @RequestBody ReviseReviewRequest request, @AuthenticationPrincipal ShopIdentity me) {
        return ApiResponse.ok(reviews.revise(productId, reviewId, new ReviewText(request.rating(), request.content()),
                signedIn(me).userId()));
    }

    @DeleteMapping("/{reviewId}")
    ResponseEntity<Void> delete(@PathVariable long productId, @PathVariable long reviewId,
            @AuthenticationPrincipal ShopIdentity me) {
        reviews.delete(productId, reviewId, signedIn(me));
        return ResponseEntity.noContent().build();
    }

    private static ShopIdentity signedIn(ShopIdentity me) {
        if (me == null) {
            throw new ShopException(ErrorCode.UNAUTHENTICATED);
        }
        return me;
    }

    record WriteReviewRequest(@NotNull @Positive Long orderItemId, @NotNull @Min(1) @Max(5) Integer rating,
            @NotNull @Size(min = ReviewText.MIN_LENGTH, max = ReviewText.MAX_LENGTH) String content) {
    }

    record ReviseReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
            @NotNull @Size(min = ReviewText.MIN_LENGTH, max = ReviewText.MAX_LENGTH) String content) {
    }
}
