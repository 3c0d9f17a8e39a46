package com.shopfleet.shop.catalog.product.web;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.product.ListingParameters;
import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductQuery;
import com.shopfleet.shop.catalog.product.SearchResult;
import com.shopfleet.shop.catalog.product.StaffProductView;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.PageResponse;
import com.shopfleet.shop.support.error.ShopException;

/** Staff (SELLER and up) manage products; they see hidden and deleted ones too. */
@RestController
@RequestMapping("/api/admin/products")
@PreAuthorize("hasRole('SELLER')")
class AdminProductController {

    private final ProductAdministration administration;
    private final ProductQueries queries;

    AdminProductController(ProductAdministration administration, ProductQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @GetMapping
    ApiResponse<PageResponse<StaffProductView>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Long category, @RequestParam(required = false) Long minPrice,
            @RequestParam(required = false) Long maxPrice, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "false") boolean includeDeleted) {
        ProductQuery query = queries.parse(new ListingParameters(q, category, minPrice, maxPrice, sort, page, size),
                true, includeDeleted);
        SearchResult<StaffProductView> result = queries.searchForStaff(query);
        return ApiResponse.ok(PageResponse.of(result.content(), query.size(), query.page(), result.totalElements()));
    }

    @GetMapping("/{id}")
    ApiResponse<StaffProductView> get(@PathVariable long id) {
        return ApiResponse.ok(queries.forStaff(id));
    }

    @PostMapping
    ResponseEntity<ApiResponse<StaffProductView>> create(@Valid @RequestBody ProductRequest request) {
        if (request.initialStock() == null) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("initialStock", "error.field.required"));
        }
        StaffProductView created = administration.create(request.toDraft(), request.initialStock());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(created));
    }

    @PutMapping("/{id}")
    ApiResponse<StaffProductView> revise(@PathVariable long id, @Valid @RequestBody ProductRequest request) {
        return ApiResponse.ok(administration.revise(id, request.toDraft()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }
}
