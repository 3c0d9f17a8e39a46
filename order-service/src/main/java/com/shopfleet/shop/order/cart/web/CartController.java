package com.shopfleet.shop.order.cart.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.order.cart.Carts;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** The buyer's cart; every change answers with the whole cart as it is now. */
@RestController
@RequestMapping(path = "/api/cart", produces = MediaType.APPLICATION_JSON_VALUE)
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    ApiResponse<CartResponse> cart(@AuthenticationPrincipal ShopIdentity me) {
        return ApiResponse.ok(CartResponse.from(carts.view(me.userId())));
    }

    /** The number of lines, for the cart badge. */
    @GetMapping("/count")
    ApiResponse<CountResponse> count(@AuthenticationPrincipal ShopIdentity me) {
        return ApiResponse.ok(new CountResponse(carts.count(me.userId())));
    }

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<CartResponse> add(@AuthenticationPrincipal ShopIdentity me,
            @Valid @RequestBody CartRequests.AddItem request) {
        carts.add(me.userId(), request.productId(), request.quantity());
        return ApiResponse.ok(CartResponse.from(carts.view(me.userId())));
    }

    @PutMapping(path = "/items/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<CartResponse> change(@AuthenticationPrincipal ShopIdentity me, @PathVariable @Positive long productId,
            @Valid @RequestBody CartRequests.ChangeQuantity request) {
        carts.changeQuantity(me.userId(), productId, request.quantity());
        return ApiResponse.ok(CartResponse.from(carts.view(me.userId())));
    }

    @DeleteMapping("/items/{productId}")
    ApiResponse<CartResponse> remove(@AuthenticationPrincipal ShopIdentity me, @PathVariable @Positive long productId) {
        carts.remove(me.userId(), List.of(productId));
        return ApiResponse.ok(CartResponse.from(carts.view(me.userId())));
    }

    /** {@code DELETE /api/cart/items?productIds=1,2,3}. */
    @DeleteMapping("/items")
    ApiResponse<CartResponse> removeSeveral(@AuthenticationPrincipal ShopIdentity me,
            @RequestParam @NotEmpty @Size(max = 50) List<@NotNull @Positive Long> productIds) {
        carts.remove(me.userId(), productIds);
        return ApiResponse.ok(CartResponse.from(carts.view(me.userId())));
    }

    record CountResponse(long count) {
    }
}
