package com.shopfleet.shop.catalog.storefront.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.catalog.CatalogProperties;
import com.shopfleet.shop.catalog.product.ListingParameters;
import com.shopfleet.shop.catalog.product.ProductQueries;
import com.shopfleet.shop.catalog.product.ProductQuery;
import com.shopfleet.shop.catalog.storefront.ProductDetailResponse;
import com.shopfleet.shop.catalog.storefront.Storefront;
import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * The public product endpoints: listings and search ({@code q, category, minPrice, maxPrice, sort, page,
 * size}), by-ids lookups ({@code ids=1,2,3}: {@code data} is a plain array in the order asked for) and
 * the detail page.
 */
@RestController
class ProductController {

    private final Storefront storefront;
    private final ProductQueries queries;
    private final int maxIds;

    ProductController(Storefront storefront, ProductQueries queries, CatalogProperties properties) {
        this.storefront = storefront;
        this.queries = queries;
        this.maxIds = properties.listing().maxIds();
    }

    @GetMapping("/api/products")
    ApiResponse<?> list(@RequestParam(required = false) String ids, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long category, @RequestParam(required = false) Long minPrice,
            @RequestParam(required = false) Long maxPrice, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ListingParameters parameters = new ListingParameters(q, category, minPrice, maxPrice, sort, page, size);
        if (ids != null) {
            if (!parameters.equals(new ListingParameters(null, null, null, null, null, null, null))) {
                throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("ids", "catalog.listing.ids-alone"));
            }
            return ApiResponse.ok(storefront.byIds(parseIds(ids)));
        }
        ProductQuery query = queries.parse(parameters, false, false);
        return ApiResponse.ok(storefront.list(query));
    }

    @GetMapping("/api/products/{id}")
    ApiResponse<ProductDetailResponse> detail(@PathVariable long id) {
        return ApiResponse.ok(storefront.detail(id));
    }

    private List<Long> parseIds(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String part : ids.split(",", -1)) {
            String trimmed = part.strip();
            long id;
            try {
                id = Long.parseLong(trimmed);
            }
            catch (NumberFormatException notANumber) {
                throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("ids", "catalog.listing.ids"));
            }
            if (id <= 0) {
                throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("ids", "catalog.listing.ids"));
            }
            parsed.add(id);
        }
        if (parsed.size() > maxIds) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("ids", "catalog.listing.ids-count"));
        }
        return parsed;
    }
}
