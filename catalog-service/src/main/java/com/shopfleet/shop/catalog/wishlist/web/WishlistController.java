package com.shopfleet.shop.catalog.wishlist.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.product.SearchResult;
import com.shopfleet.shop.catalog.wishlist.WishlistEntry;
import com.shopfleet.shop.catalog.wishlist.Wishlists;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** The signed-in user's wishlist. */
@RestController
@RequestMapping("/api/wishlist")
@Validated
class WishlistController {

    private final Wishlists wishlists;

    WishlistController(Wishlists wishlists) {
        this.wishlists = wishlists;
    }

    @GetMapping
    ApiResponse<PageResponse<WishlistEntry>> page(@AuthenticationPrincipal ShopIdentity me,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        SearchResult<WishlistEntry> entries = wishlists.page(me.userId(), page, size);
        return ApiResponse.ok(PageResponse.of(entries.content(), size, page, entries.totalElements()));
    }

    /** Idempotent: the product is in the wishlist afterwards, however often this is sent. */
    @PutMapping("/{productId}")
    ApiResponse<Membership> add(@AuthenticationPrincipal ShopIdentity me, @PathVariable long productId) {
        wishlists.add(me.userId(), productId);
        return ApiResponse.ok(new Membership(productId, true));
    }

    @DeleteMapping("/{productId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal ShopIdentity me, @PathVariable long productId) {
        wishlists.remove(me.userId(), productId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{productId}")
    ApiResponse<Membership> contains(@AuthenticationPrincipal ShopIdentity me, @PathVariable long productId) {
        return ApiResponse.ok(new Membership(productId, wishlists.contains(me.userId(), productId)));
    }

    record Membership(long productId, boolean exists) {
    }
}
