package com.shopfleet.shop.catalog;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.shopfleet.shop.catalog.category.Categories;
import com.shopfleet.shop.catalog.product.ProductAdministration;
import com.shopfleet.shop.catalog.product.ProductDraft;
import com.shopfleet.shop.catalog.product.ProductStatus;

/**
 * Object mother of the integration tests: fresh categories and products through the application
 * services (so they produce their events like any other). Names carry a unique marker so tests sharing
 * the context never see each other's data in their searches.
 */
@Component
class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Categories categories;
    private final ProductAdministration products;

    Fixtures(Categories categories, ProductAdministration products) {
        this.categories = categories;
        this.products = products;
    }

    /** A unique word of letters only (e.g. {@code qxkfbd}), to mark a test's data. */
    static String marker() {
        long n = SEQUENCE.incrementAndGet() * 7919 + 104729;
        StringBuilder word = new StringBuilder("q");
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + (n % 26)));
            n /= 26;
        }
        return word.toString();
    }

    /** A fresh top-level category with one child; products go in the child. */
    Tree tree(String name) {
        String unique = name + " " + marker();
        long top = categories.create(unique, null, 0).id();
        long leaf = categories.create(unique + " 하위", top, 0).id();
        return new Tree(top, leaf);
    }

    long product(long categoryId, String name, long price, int discountRate, int stock) {
        return product(categoryId, name, "테스트브랜드", price, discountRate, stock, ProductStatus.ON_SALE);
    }

    long product(long categoryId, String name, String brand, long price, int discountRate, int stock,
            ProductStatus status) {
        return products.create(new ProductDraft(name, brand, categoryId, "/images/products/test.webp",
                List.of("/images/products/test-2.webp"), "테스트 상품 설명입니다.", price, discountRate, status), stock).id();
    }

    record Tree(long top, long leaf) {
    }
}
