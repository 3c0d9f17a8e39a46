package com.shopfleet.shop.order.order.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.order.order.OrderLifecycle;
import com.shopfleet.shop.order.order.Orders;
import com.shopfleet.shop.order.payment.PaymentProperties;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** A buyer's own orders; anyone else's order is 404, as if it did not exist. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final PaymentProperties payment;

    OrderController(Orders orders, OrderLifecycle lifecycle, PaymentProperties payment) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payment = payment;
    }

    @GetMapping
    ApiResponse<PageResponse<OrderSummaryResponse>> list(@AuthenticationPrincipal ShopIdentity me,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var result = orders.listOwn(me.userId(), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")),
                OrderSummaryResponse::from);
        return ApiResponse.ok(PageResponse.of(result.getContent(), size, page, result.getTotalElements()));
    }

    @GetMapping("/{orderId}")
    ApiResponse<OrderResponse> one(@AuthenticationPrincipal ShopIdentity me, @PathVariable long orderId) {
        return ApiResponse.ok(orders.findOwn(me.userId(), orderId, order -> OrderResponse.from(order, payment)));
    }

    /** Cancels before shipping: stock back to the catalog, points back, a paid order refunded. */
    @PostMapping("/{orderId}/cancel")
    ApiResponse<OrderResponse> cancel(@AuthenticationPrincipal ShopIdentity me, @PathVariable long orderId) {
        lifecycle.cancelByBuyer(me.userId(), orderId);
        return ApiResponse.ok(orders.findOwn(me.userId(), orderId, order -> OrderResponse.from(order, payment)));
    }
}
