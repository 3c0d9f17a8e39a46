package com.shopfleet.shop.catalog.stock.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.stock.AdjustmentKind;
import com.shopfleet.shop.catalog.stock.StockAdjustmentView;
import com.shopfleet.shop.catalog.stock.StockAdjustments;
import com.shopfleet.shop.catalog.stock.StockOverview;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.ShopIdentity;

/** Staff (SELLER and up) read a product's stock and adjust it, with a reason. */
@RestController
@RequestMapping("/api/admin/products/{productId}/stock")
@PreAuthorize("hasRole('SELLER')")
@Validated
class AdminStockController {

    private final StockAdjustments adjustments;

    AdminStockController(StockAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    @GetMapping
    ApiResponse<StockResponse> overview(@PathVariable long productId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<StockAdjustmentView> history = adjustments.history(productId, page, size);
        return ApiResponse.ok(new StockResponse(adjustments.overview(productId), PageResponse.of(history.getContent(),
                size, page, history.getTotalElements())));
    }

    /** Exactly one of {@code quantity} (set the available stock) or {@code delta} (add or remove units). */
    @PostMapping("/adjustments")
    ResponseEntity<ApiResponse<StockAdjustmentView>> adjust(@PathVariable long productId,
            @Valid @RequestBody AdjustmentRequest request, @AuthenticationPrincipal ShopIdentity me) {
        Map<String, String> errors = new LinkedHashMap<>();
        if ((request.quantity() == null) == (request.delta() == null)) {
            errors.put("quantity", "catalog.stock.quantity-or-delta");
        }
        else if (request.delta() != null && request.delta() == 0) {
            errors.put("delta", "catalog.stock.zero-delta");
        }
        if (!errors.isEmpty()) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, errors);
        }
        StockAdjustmentView adjustment = request.quantity() != null
                ? adjustments.adjust(productId, AdjustmentKind.SET, request.quantity(), request.reason(), me.userId())
                : adjustments.adjust(productId, AdjustmentKind.ADD, request.delta(), request.reason(), me.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(adjustment));
    }

    record AdjustmentRequest(@Min(0) @Max(StockAdjustments.MAX_STOCK) Integer quantity,
            @Min(-StockAdjustments.MAX_STOCK) @Max(StockAdjustments.MAX_STOCK) Integer delta,
            @NotBlank @Size(max = 200) String reason) {
    }

    record StockResponse(StockOverview stock, PageResponse<StockAdjustmentView> adjustments) {
    }
}
