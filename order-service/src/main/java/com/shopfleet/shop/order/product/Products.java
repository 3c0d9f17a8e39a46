package com.shopfleet.shop.order.product;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.Refusal;

/** Reads of the product replica for the cart and checkout. */
@Service
@Transactional(readOnly = true)
public class Products {

    private final ProductRepository repository;

    Products(ProductRepository repository) {
        this.repository = repository;
    }

    /** The known products among {@code ids} (deleted ones included), by id. */
    public Map<Long, Product> byIds(Collection<Long> ids) {
        return repository.findAllById(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
    }

    /**
     * The product, if a buyer may order it: unknown or deleted → 404; hidden or sold out → 422
     * (CONTRACTS §4). {@code field} names the input in the refusal.
     */
    public Product requireOrderable(long productId, String field) {
        Product product = repository.findById(productId).orElse(null);
        return requireOrderable(product, field);
    }

    /** As {@link #requireOrderable(long, String)} for a product already read (null: unknown). */
    public static Product requireOrderable(Product product, String field) {
        ProductAvailability availability = product == null ? ProductAvailability.UNKNOWN : product.availability();
        return switch (availability) {
            case AVAILABLE -> product;
            case UNKNOWN, DELETED -> throw Refusal.onField(ErrorCode.NOT_FOUND, "error.product.notFound", field,
                    "error.product.notFound");
            case SOLD_OUT -> throw Refusal.onField(ErrorCode.OUT_OF_STOCK, "error.product.soldOut", field,
                    "error.product.soldOut");
            case HIDDEN -> throw Refusal.onField(ErrorCode.BUSINESS_RULE_VIOLATED, "error.product.hidden", field,
                    "error.product.hidden");
        };
    }
}
