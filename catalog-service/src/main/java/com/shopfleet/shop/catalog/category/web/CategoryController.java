package com.shopfleet.shop.catalog.category.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.category.CategoryNode;
import com.shopfleet.shop.contracts.web.ApiResponse;

/** The public category tree. */
@RestController
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/api/categories")
    ApiResponse<List<CategoryNode>> tree() {
        return ApiResponse.ok(categories.tree());
    }
}
