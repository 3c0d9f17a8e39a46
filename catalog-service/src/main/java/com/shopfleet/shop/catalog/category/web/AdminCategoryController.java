package com.shopfleet.shop.catalog.category.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

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
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryNode;
import com.shopfleet.shop.contracts.web.ApiResponse;

/** Staff (SELLER and up) maintain the category tree. */
@RestController
@RequestMapping("/api/admin/categories")
@PreAuthorize("hasRole('SELLER')")
class AdminCategoryController {

    private final Categories categories;

    AdminCategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    ApiResponse<List<CategoryNode>> tree() {
        return ApiResponse.ok(categories.tree());
    }

    @PostMapping
    ResponseEntity<ApiResponse<CategoryNode>> create(@Valid @RequestBody CreateCategoryRequest request) {
        CategoryNode created = categories.create(request.name(), request.parentId(), request.displayOrder());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(created));
    }

    @PutMapping("/{id}")
    ApiResponse<CategoryNode> update(@PathVariable long id, @Valid @RequestBody UpdateCategoryRequest request) {
        return ApiResponse.ok(categories.update(id, request.name(), request.displayOrder()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        categories.delete(id);
        return ResponseEntity.noContent().build();
    }

    record CreateCategoryRequest(@NotBlank @Size(max = 50) String name, @Positive Long parentId,
            @NotNull @Min(0) @Max(10_000) Integer displayOrder) {
    }

    record UpdateCategoryRequest(@NotBlank @Size(max = 50) String name,
            @NotNull @Min(0) @Max(10_000) Integer displayOrder) {
    }
}
