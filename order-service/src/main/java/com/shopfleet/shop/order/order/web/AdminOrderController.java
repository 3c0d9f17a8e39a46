package com.shopfleet.shop.order.order.web;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.order.order.OrderLifecycle;
import com.shopfleet.shop.order.order.OrderStatus;
import com.shopfleet.shop.order.order.Orders;
import com.shopfleet.shop.order.payment.PaymentProperties;

/** Staff (MANAGER and above, CONTRACTS §3): find orders, confirm transfers, ship and deliver. */
@RestController
@RequestMapping(path = "/api/admin/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('MANAGER')")
class AdminOrderController {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final PaymentProperties payment;

    AdminOrderController(Orders orders, OrderLifecycle lifecycle, PaymentProperties payment) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payment = payment;
    }

    /** Orders by status and placing time ({@code from} inclusive, {@code to} exclusive, any offset), newest first. */
    @GetMapping
    ApiResponse<PageResponse<OrderSummaryResponse>> search(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var result = orders.search(status, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")), OrderSummaryResponse::from);
        return ApiResponse.ok(PageResponse.of(result.getContent(), size, page, result.getTotalElements()));
    }

    @GetMapping("/{orderId}")
    ApiResponse<OrderResponse> one(@PathVariable long orderId) {
        return ApiResponse.ok(view(orderId));
    }

    /** 무통장입금: the transfer arrived → PAID. */
    @PostMapping("/{orderId}/mark-paid")
    ApiResponse<OrderResponse> markPaid(@PathVariable long orderId) {
        lifecycle.markTransferReceived(orderId);
        return ApiResponse.ok(view(orderId));
    }

    @PostMapping(path = "/{orderId}/ship", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<OrderResponse> ship(@PathVariable long orderId, @Valid @RequestBody ShipRequest request) {
        lifecycle.ship(orderId, request.carrier().strip(), request.trackingNumber());
        return ApiResponse.ok(view(orderId));
    }

    @PostMapping("/{orderId}/deliver")
    ApiResponse<OrderResponse> deliver(@PathVariable long orderId) {
        lifecycle.deliver(orderId);
        return ApiResponse.ok(view(orderId));
    }

    private OrderResponse view(long orderId) {
        return orders.find(orderId, order -> OrderResponse.from(order, payment));
    }
}
